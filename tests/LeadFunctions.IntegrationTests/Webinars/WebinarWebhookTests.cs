using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Webinars;

[Collection(AzuriteCollection.Name)]
public sealed class WebinarWebhookTests(AzuriteFixture azurite)
{
    private const string Registration = """
        {"event":"webinar.registration_created","event_ts":1764000000000,"payload":{"account_id":"acc1","object":{"id":"85236589674","uuid":"w1","topic":"Pazarlama Otomasyonu 101","registrant":{"id":"r1","email":"Zeynep.Kaya@Acme.com.tr","first_name":"Zeynep","last_name":"Kaya","org":"Acme A.Ş.","job_title":"Pazarlama Direktörü","country":"TR","phone":"0532 765 43 21","industry":"Software","no_of_employees":"251-500"}}}}
        """;

    private const string Joined = """
        {"event":"webinar.participant_joined","event_ts":1764003600000,"payload":{"account_id":"acc1","object":{"id":"85236589674","uuid":"w1","topic":"Pazarlama Otomasyonu 101","participant":{"user_id":"u1","user_name":"Zeynep Kaya","email":"zeynep.kaya@acme.com.tr","join_time":"2026-11-24T09:00:00Z"}}}}
        """;

    private Task<TestHost> StartAsync() =>
        TestHost.StartAsync(
            azurite,
            settings:
            [
                $"--Webhooks:Zoom:SecretToken={Signed.ZoomSecret}",
                $"--Webhooks:Generic:Secret={Signed.GenericSecret}",
            ]
        );

    private static async Task<int> QueuedAsync(TestHost host) =>
        (await host.Queue(QueueNames.LeadIntake).GetPropertiesAsync()).Value.ApproximateMessagesCount
        + (await host.Queue(QueueNames.LeadEvents).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    [Fact]
    public async Task Zoom_UrlValidation_AnswersTheChallenge()
    {
        await using var host = await StartAsync();
        using var response = await host.Client.SendAsync(
            Signed.Zoom(
                """{"event":"endpoint.url_validation","payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1764000000000}"""
            )
        );
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("qgg8vlvZRS6UYooatFL8Aw", body.GetProperty("plainToken").GetString());
        Assert.Equal(
            Signed.Hex(Signed.ZoomSecret, "qgg8vlvZRS6UYooatFL8Aw"),
            body.GetProperty("encryptedToken").GetString()
        );
    }

    [Fact]
    public async Task Zoom_RegistrationThenAttendance_WebinarLeadWithBothEvents()
    {
        await using var host = await StartAsync();
        using var registered = await host.Client.SendAsync(Signed.Zoom(Registration));
        using var retried = await host.Client.SendAsync(Signed.Zoom(Registration)); // Zoom redelivers when unsure
        using var joined = await host.Client.SendAsync(Signed.Zoom(Joined));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);

        var id = LeadId.FromEmail("zeynep.kaya@acme.com.tr");
        var timeline = await Eventually.GetAsync(async () =>
            await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline") is { } t
            && t.Count(e => e.Kind == "event") == 2
                ? t
                : null
        );
        var lead = (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))!;
        Assert.Equal("webinar", lead.Source);
        Assert.Equal("85236589674", lead.SourceDetail["webinarId"]);
        Assert.Equal("Pazarlama Otomasyonu 101", lead.SourceDetail["webinarTitle"]);
        Assert.Equal("zoom", lead.SourceDetail["platform"]);
        Assert.Equal(251, lead.CompanySize);
        Assert.Equal("+905327654321", lead.Phone);
        Assert.Equal("none", lead.Consent.Email);
        Assert.Single(timeline, e => e.Kind == "submission");
        Assert.Contains(timeline, e => e.Summary.StartsWith("webinar_attended", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Summary.StartsWith("webinar_registered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Zoom_ForgedMissingOrStaleSignature_401AndNothingQueued()
    {
        await using var host = await StartAsync();
        using var forged = await host.Client.SendAsync(Signed.Zoom(Registration, secret: "not-the-secret"));
        using var stale = await host.Client.SendAsync(
            Signed.Zoom(Registration, at: DateTimeOffset.UtcNow.AddMinutes(-6))
        );
        var unsigned = Signed.Zoom(Registration);
        unsigned.Headers.Remove("x-zm-signature");
        using var missing = await host.Client.SendAsync(unsigned);
        var tampered = Signed.Zoom(Registration);
        tampered.Content = new StringContent(
            Registration.Replace("Zeynep", "Mallory", StringComparison.Ordinal),
            System.Text.Encoding.UTF8,
            "application/json"
        );
        using var changed = await host.Client.SendAsync(tampered);

        Assert.All([forged, stale, missing, changed], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task Generic_RegisteredWithConsent_AndAttended()
    {
        await using var host = await StartAsync();
        using var registered = await host.Client.SendAsync(
            Signed.Generic(
                """
                {"event":"registered","platform":"livestorm","webinarId":"ls-2026-11","webinarTitle":"KVKK ve Pazarlama","occurredAt":"2026-11-20T10:00:00Z","registrant":{"email":"burak@acme.com","firstName":"Burak","lastName":"Şahin","company":"Acme","jobTitle":"CTO","consentEmail":true}}
                """
            )
        );
        // This one with the UTF-8 byte order mark some senders put first (signed with it).
        using var attended = await host.Client.SendAsync(
            Signed.Generic(
                "\uFEFF"
                    + """
                    {"event":"attended","platform":"livestorm","webinarId":"ls-2026-11","webinarTitle":"KVKK ve Pazarlama","occurredAt":"2026-11-21T10:00:00Z","registrant":{"email":"burak@acme.com"}}
                    """
            )
        );
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, attended.StatusCode);

        var id = LeadId.FromEmail("burak@acme.com");
        await Eventually.TrueAsync(async () =>
            (await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline"))?.Count(e =>
                e.Kind == "event"
            ) == 2
        );
        var lead = (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))!;
        Assert.Equal("granted", lead.Consent.Email);
        Assert.Equal("livestorm", lead.SourceDetail["platform"]);
    }

    [Fact]
    public async Task Generic_AStartThatIsNoDate_OrNoPlausibleOne_400WithTheField_NothingQueued()
    {
        await using var host = await StartAsync();
        using var response = await host.Client.SendAsync(
            Signed.Generic(
                """
                {"event":"registered","webinarId":"ls-1","startsAt":"yarın 14:00","registrant":{"email":"a@acme.com"}}
                """
            )
        );

        using var longAgo = await host.Client.SendAsync(
            Signed.Generic(
                """
                {"event":"registered","webinarId":"ls-1","startsAt":"0001-01-01T00:00:00Z","registrant":{"email":"a@acme.com"}}
                """
            )
        );

        Assert.All([response, longAgo], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("\"startsAt\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"startsAt\"", await longAgo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task Registrant_AFieldThePlatformFilledOddly_IsDroppedNotThePerson()
    {
        await using var host = await StartAsync();
        using var zoom = await host.Client.SendAsync(
            Signed.Zoom(
                """
                {"event":"webinar.registration_created","event_ts":1764000000000,"payload":{"object":{"id":"85236589674","topic":"Demo","registrant":{"email":"guest@acme.com","first_name":"Deniz","phone":"n/a","org":"<b>Acme</b>","no_of_employees":"lots"}}}}
                """
            )
        );
        using var generic = await host.Client.SendAsync(
            Signed.Generic(
                """
                {"event":"registered","webinarId":"w1","registrant":{"email":"bell@acme.com","firstName":"A\u0007","company":"Acme"}}
                """
            )
        );
        Assert.Equal(HttpStatusCode.OK, zoom.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, generic.StatusCode);

        var guest = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{LeadId.FromEmail("guest@acme.com")}")
        );
        Assert.Equal("Deniz", guest.FirstName);
        Assert.Null(guest.Phone);
        Assert.Null(guest.Company);
        Assert.Null(guest.CompanySize);
        var bell = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{LeadId.FromEmail("bell@acme.com")}")
        );
        Assert.Null(bell.FirstName);
        Assert.Equal("Acme", bell.Company);
    }

    [Fact]
    public async Task Zoom_GuestJoinedWithoutAnEmail_AcknowledgedAndNothingQueued()
    {
        await using var host = await StartAsync();
        using var joined = await host.Client.SendAsync(
            Signed.Zoom(
                Joined.Replace("\"email\":\"zeynep.kaya@acme.com.tr\",", string.Empty, StringComparison.Ordinal)
            )
        );
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(
            "ignored",
            (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()
        );
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task Attendance_AtATimeYearsAhead_CountsFromWhenItArrived()
    {
        await using var host = await StartAsync();
        using var attended = await host.Client.SendAsync(
            Signed.Generic(
                """
                {"event":"attended","webinarId":"w1","occurredAt":"2099-01-01T10:00:00Z","registrant":{"email":"future@acme.com"}}
                """
            )
        );
        Assert.Equal(HttpStatusCode.Accepted, attended.StatusCode);
        using var registered = await host.Client.SendAsync(
            Signed.Generic(
                """
                {"event":"registered","webinarId":"w1","registrant":{"email":"future@acme.com"}}
                """
            )
        );

        var id = LeadId.FromEmail("future@acme.com");
        var timeline = await Eventually.GetAsync(async () =>
            await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline") is { } t
            && t.Count(e => e.Kind == "event") == 2
                ? t
                : null
        );
        Assert.All(timeline.Where(e => e.Kind == "event"), e =>
            Assert.InRange(e.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1))
        );
    }

    [Fact]
    public async Task Generic_ForgedOrUnconfigured_401()
    {
        await using var host = await StartAsync();
        const string body = """{"event":"registered","webinarId":"x1","registrant":{"email":"a@acme.com"}}""";
        using var forged = await host.Client.SendAsync(Signed.Generic(body, "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        await using var unconfigured = await TestHost.StartAsync(azurite);
        using var refused = await unconfigured.Client.SendAsync(Signed.Generic(body));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, await QueuedAsync(host));
    }
}
