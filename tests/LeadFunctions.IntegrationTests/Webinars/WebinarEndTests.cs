using System.Net;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing.Webinars;

namespace LeadFunctions.IntegrationTests.Webinars;

/// <summary>
/// The webinar model through the real host: registrations kept per webinar with the join URL, attendance, and the end
/// turning every registrant who did not attend into exactly one no-show. Zoom's payloads as its Webinars events
/// reference shows them (developers.zoom.us/docs/api/meetings/events: webinar.registration_created,
/// webinar.participant_joined, webinar.ended).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebinarEndTests(AzuriteFixture azurite)
{
    private const string WebinarId = "85236589674";
    private const string JoinUrl = "https://us06web.zoom.us/w/85236589674?tk=Xy_Z1&uuid=WN_abc";

    private static readonly DateTimeOffset StartsAt = DateTimeOffset.UtcNow.AddHours(-2);
    private static readonly DateTimeOffset EndedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
    private static long EventTs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static readonly (string Email, string First, string Last)[] People =
    [
        ("ayse.yilmaz@acme.com.tr", "Ayşe", "Yılmaz"),
        ("isik.demir@acme.com.tr", "Işık", "Demir"),
        ("cagri.oz@acme.com.tr", "Çağrı", "Öz"),
    ];

    private Task<TestHost> StartAsync() =>
        TestHost.StartAsync(
            azurite,
            settings:
            [
                $"--Webhooks:Zoom:SecretToken={Signed.ZoomSecret}",
                $"--Webhooks:Generic:Secret={Signed.GenericSecret}",
            ]
        );

    private static Task<TableEntity?> RowAsync(TestHost host, string partition, string email) =>
        FindAsync(host.Table(TableNames.WebinarRegistrations), partition, LeadId.FromEmail(email));

    private static async Task<TableEntity?> FindAsync(TableClient table, string partition, string row) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(partition, row)) is { HasValue: true } found
            ? found.Value
            : null;

    private static async Task<int> MissedAsync(TestHost host, string email) =>
        (
            await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{LeadId.FromEmail(email)}/timeline")
            ?? []
        ).Count(e => e.Summary.StartsWith(EventTypes.WebinarMissed, StringComparison.Ordinal));

    /// <summary>Until the end and the events it queued are all processed.</summary>
    private static Task DrainedAsync(TestHost host) =>
        Eventually.TrueAsync(
            async () =>
                (await host.Queue(QueueNames.WebinarEndings).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
                && (await host.Queue(QueueNames.LeadEvents).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
            because: "the end and its no-shows are processed"
        );

    private static async Task PostAsync(TestHost host, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await host.Client.SendAsync(Signed.Zoom(json));
        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task RegisterAllAsync(TestHost host)
    {
        foreach (var (email, first, last) in People)
        {
            await PostAsync(host, ZoomRequests.Registration(WebinarId, email, first, last, StartsAt, JoinUrl, EventTs));
        }
    }

    [Fact]
    public async Task Zoom_RegistrationWithJoinUrl_ThenJoined_RegistrationRowRegisteredThenAttended()
    {
        await using var host = await StartAsync();
        var (email, first, last) = People[0];
        await PostAsync(host, ZoomRequests.Registration(WebinarId, email, first, last, StartsAt, JoinUrl, EventTs));

        var registered = await Eventually.GetAsync(() => RowAsync(host, $"zoom|{WebinarId}", email));
        Assert.Equal(JoinUrl, registered.GetString("JoinUrl"));
        Assert.Equal("Europe/Istanbul", registered.GetString("TimeZone"));
        Assert.Equal("Pazarlama Otomasyonu 101", registered.GetString("Title"));
        Assert.Equal(StartsAt.ToUnixTimeSeconds(), registered.GetDateTimeOffset("StartsAt")!.Value.ToUnixTimeSeconds());
        Assert.NotNull(registered.GetDateTimeOffset("RegisteredAt"));
        Assert.Null(registered.GetDateTimeOffset("AttendedAt"));

        await PostAsync(host, ZoomRequests.Joined(WebinarId, email, StartsAt.AddMinutes(3), EventTs));

        var attended = await Eventually.GetAsync(async () =>
            await RowAsync(host, $"zoom|{WebinarId}", email) is { } row
            && row.GetDateTimeOffset("AttendedAt") is not null
                ? row
                : null
        );
        Assert.Equal(JoinUrl, attended.GetString("JoinUrl"));
        var lead = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{LeadId.FromEmail(email)}")
        );
        Assert.Equal("Ayşe", lead.FirstName);
        Assert.Equal("Yılmaz", lead.LastName);

        // The timeline and the export (KVKK art. 11) show the registration and its join URL.
        var timeline = await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{lead.Id}/timeline");
        Assert.Contains(timeline!, e =>
            e.Summary.StartsWith("webinar_registered via zoom: Pazarlama Otomasyonu 101", StringComparison.Ordinal)
            && e.Summary.Contains(JoinUrl, StringComparison.Ordinal)
        );
        using var export = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/leads/{lead.Id}/export")
        );
        var exported = await export.Content.ReadAsStringAsync();
        Assert.Contains(TableNames.WebinarRegistrations, exported, StringComparison.Ordinal);
        Assert.Contains("us06web.zoom.us", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zoom_Ended_EveryNonAttendeeOneNoShow_AReplayedOrSecondEndChangesNothing_LateAttendanceCounts()
    {
        await using var host = await StartAsync();
        await RegisterAllAsync(host);
        var attendee = People[0].Email;
        await PostAsync(host, ZoomRequests.Joined(WebinarId, attendee, StartsAt.AddMinutes(1), EventTs));
        await Eventually.TrueAsync(async () =>
            (await RowAsync(host, $"zoom|{WebinarId}", attendee))?.GetDateTimeOffset("AttendedAt") is not null
            && (await RowAsync(host, $"zoom|{WebinarId}", People[1].Email)) is not null
            && (await RowAsync(host, $"zoom|{WebinarId}", People[2].Email)) is not null
        );

        var ended = ZoomRequests.Ended(WebinarId, StartsAt, EndedAt, EventTs);
        await PostAsync(host, ended);
        await Eventually.TrueAsync(
            async () => await MissedAsync(host, People[1].Email) == 1 && await MissedAsync(host, People[2].Email) == 1,
            because: "each no-show has its webinar_missed"
        );
        await PostAsync(host, ended); // Zoom's retry of the same delivery
        await PostAsync(host, ZoomRequests.Ended(WebinarId, StartsAt, EndedAt.AddMinutes(1), EventTs)); // a second end
        await DrainedAsync(host);

        Assert.Equal(0, await MissedAsync(host, attendee));
        Assert.Equal(1, await MissedAsync(host, People[1].Email));
        Assert.Equal(1, await MissedAsync(host, People[2].Email));
        var noShow = (await RowAsync(host, $"zoom|{WebinarId}", People[1].Email))!;
        Assert.Equal(EndedAt.ToUnixTimeSeconds(), noShow.GetDateTimeOffset("MissedAt")!.Value.ToUnixTimeSeconds());
        Assert.Null((await RowAsync(host, $"zoom|{WebinarId}", attendee))!.GetDateTimeOffset("MissedAt"));

        // Attendance Zoom reports after the end still counts: the registration turns attended.
        await PostAsync(host, ZoomRequests.Joined(WebinarId, People[2].Email, StartsAt.AddMinutes(50), EventTs));
        var late = await Eventually.GetAsync(async () =>
            await RowAsync(host, $"zoom|{WebinarId}", People[2].Email) is { } row
            && row.GetDateTimeOffset("AttendedAt") is not null
                ? row
                : null
        );
        Assert.NotNull(late.GetDateTimeOffset("MissedAt"));
    }

    [Fact]
    public async Task Zoom_ForgedOrStaleEnd_401AndNothingQueued()
    {
        await using var host = await StartAsync();
        var ended = ZoomRequests.Ended(WebinarId, StartsAt, EndedAt, EventTs);

        using var forged = await host.Client.SendAsync(Signed.Zoom(ended, secret: "not-the-secret"));
        using var stale = await host.Client.SendAsync(Signed.Zoom(ended, at: DateTimeOffset.UtcNow.AddMinutes(-6)));

        Assert.All([forged, stale], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(
            0,
            (await host.Queue(QueueNames.WebinarEndings).GetPropertiesAsync()).Value.ApproximateMessagesCount
        );
    }

    [Fact]
    public async Task Generic_RegisteredAttendedWithMinutesAndEnded_NoShowForTheOtherOnly()
    {
        await using var host = await StartAsync();
        var endsAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        string Body(string kind, string registrant) =>
            $$"""
                {"event":"{{kind}}","platform":"livestorm","webinarId":"ls-2026-12","webinarTitle":"KVKK ve Pazarlama","timeZone":"Europe/Istanbul","endsAt":"{{endsAt}}","registrant":{{registrant}}}
                """;
        foreach (var email in new[] { "burak@acme.com", "ilkay@acme.com" })
        {
            using var registered = await host.Client.SendAsync(
                Signed.Generic(Body("registered", $$"""{"email":"{{email}}","joinUrl":"{{JoinUrl}}"}"""))
            );
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        using var attended = await host.Client.SendAsync(
            Signed.Generic(Body("attended", """{"email":"burak@acme.com","minutes":47}"""))
        );
        Assert.Equal(HttpStatusCode.Accepted, attended.StatusCode);
        await Eventually.TrueAsync(async () =>
            (await RowAsync(host, "livestorm|ls-2026-12", "burak@acme.com"))?.GetInt32("Minutes") == 47
            && await RowAsync(host, "livestorm|ls-2026-12", "ilkay@acme.com") is not null
        );

        using var ended = await host.Client.SendAsync(Signed.Generic(Body("ended", "null")));
        Assert.Equal(HttpStatusCode.Accepted, ended.StatusCode);

        await Eventually.TrueAsync(async () => await MissedAsync(host, "ilkay@acme.com") == 1);
        await DrainedAsync(host);
        Assert.Equal(0, await MissedAsync(host, "burak@acme.com"));
        Assert.Equal(JoinUrl, (await RowAsync(host, "livestorm|ls-2026-12", "ilkay@acme.com"))!.GetString("JoinUrl"));
    }

    [Theory]
    [InlineData(
        """{"event":"registered","webinarId":"w1","registrant":{"email":"a@acme.com","joinUrl":"http://x.example/j"}}""",
        "joinUrl"
    )]
    [InlineData(
        """{"event":"attended","webinarId":"w1","registrant":{"email":"a@acme.com","minutes":"a while"}}""",
        "minutes"
    )]
    [InlineData(
        """{"event":"attended","webinarId":"w1","registrant":{"email":"a@acme.com","minutes":-5}}""",
        "minutes"
    )]
    [InlineData("""{"event":"ended","webinarId":"w1","endsAt":"dün akşam"}""", "endsAt")]
    [InlineData("""{"event":"ended","webinarId":"w 1"}""", "webinarId")]
    [InlineData("""{"event":"ended","webinarId":"w1","timeZone":"Istanbul"}""", "webinarTimeZone")]
    public async Task Generic_BadJoinUrlMinutesEndOrZone_400NamingIt_NothingQueued(string body, string field)
    {
        await using var host = await StartAsync();
        using var response = await host.Client.SendAsync(Signed.Generic(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var queue in new[] { QueueNames.LeadIntake, QueueNames.LeadEvents, QueueNames.WebinarEndings })
        {
            Assert.Equal(0, (await host.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
    }
}
