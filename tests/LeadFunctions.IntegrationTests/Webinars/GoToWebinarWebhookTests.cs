using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Functions.Webinars;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing.Webinars;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Webinars;

/// <summary>GoTo Webinar's webhook on the real host and Azurite, with GoTo's payloads and signature
/// (<see cref="GoToWebinarRequests"/>).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class GoToWebinarWebhookTests(AzuriteFixture azurite)
{
    private const string Email = "ayse.yilmaz@isik.com.tr";

    private Task<TestHost> StartAsync() => TestHost.StartAsync(azurite, settings: [GoToWebinarRequests.Setting()]);

    internal static async Task<int> QueuedAsync(TestHost host) =>
        (await host.Queue(QueueNames.LeadIntake).GetPropertiesAsync()).Value.ApproximateMessagesCount
        + (await host.Queue(QueueNames.LeadEvents).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static async Task<string?> StatusAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();

    [Fact]
    public async Task RegistrantAddedTwiceThenJoined_OneWebinarLeadWithOneRegistrationAndOneAttendance()
    {
        await using var host = await StartAsync();
        var added = GoToWebinarRequests.RegistrantAdded(Email);
        using var registered = await host.Client.SendAsync(GoToWebinarRequests.Post(added));
        using var retried = await host.Client.SendAsync(GoToWebinarRequests.Post(added)); // the same delivery again
        using var joined = await host.Client.SendAsync(
            GoToWebinarRequests.Post(GoToWebinarRequests.RegistrantJoined(Email))
        );
        Assert.All([registered, retried, joined], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("accepted", await StatusAsync(registered));

        var id = LeadId.FromEmail(Email);
        await Eventually.TrueAsync(async () =>
            (await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline"))?.Count(e =>
                e.Kind == "event"
            ) >= 2
        );
        await Eventually.TrueAsync(async () => await QueuedAsync(host) == 0, because: "every message processed");
        var timeline = (await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline"))!;
        var lead = (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))!;
        Assert.Equal("webinar", lead.Source);
        Assert.Equal("gotowebinar", lead.SourceDetail["platform"]);
        Assert.Equal("4511665432126123456", lead.SourceDetail["webinarId"]);
        Assert.Equal("Pazarlama Otomasyonu 101", lead.SourceDetail["webinarTitle"]);
        Assert.Equal(("Ayşe", "Yılmaz", "Işık Yazılım A.Ş."), (lead.FirstName, lead.LastName, lead.Company));
        Assert.Equal(("Pazarlama Müdürü", 251), (lead.JobTitle, lead.CompanySize));
        Assert.Single(timeline, e => e.Kind == "submission");
        Assert.Single(timeline, e => e.Summary.StartsWith("webinar_registered", StringComparison.Ordinal));
        Assert.Single(timeline, e => e.Summary.StartsWith("webinar_attended", StringComparison.Ordinal));
        var registration = await Eventually.GetAsync(async () =>
            await host.Table(TableNames.WebinarRegistrations)
                .GetEntityIfExistsAsync<TableEntity>("gotowebinar|4511665432126123456", id)
                is { HasValue: true, Value: { } row }
            && row.GetDateTimeOffset("AttendedAt") is not null
                ? row
                : null
        );
        Assert.Equal(
            "https://global.gotowebinar.com/join/4511665432126123456/24576065432313123456",
            registration.GetString("JoinUrl")
        );
        Assert.Null(registration.GetInt32("Minutes")); // GoTo says none at join
    }

    [Fact]
    public async Task ForgedStaleMissingTamperedOrUnsetSignature_401AndNothingQueued()
    {
        await using var host = await StartAsync();
        var added = GoToWebinarRequests.RegistrantAdded(Email);
        using var forged = await host.Client.SendAsync(GoToWebinarRequests.Post(added, secretKey: "not-the-key"));
        using var stale = await host.Client.SendAsync(
            GoToWebinarRequests.Post(added, at: DateTimeOffset.UtcNow.AddMinutes(-6))
        );
        var unsigned = GoToWebinarRequests.Post(added);
        unsigned.Headers.Remove("x-webhook-signature");
        using var missing = await host.Client.SendAsync(unsigned);
        var undated = GoToWebinarRequests.Post(added);
        undated.Headers.Remove("x-webhook-signature-timestamp");
        using var noTimestamp = await host.Client.SendAsync(undated);
        var tampered = GoToWebinarRequests.Post(added);
        tampered.Content = new StringContent(
            added.Replace("Ayşe", "Mallory", StringComparison.Ordinal),
            System.Text.Encoding.UTF8,
            "application/json"
        );
        using var changed = await host.Client.SendAsync(tampered);

        Assert.All([forged, stale, missing, noTimestamp, changed], r =>
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode)
        );
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        await using var unconfigured = await TestHost.StartAsync(azurite, prefix: host.Prefix);
        using var refused = await unconfigured.Client.SendAsync(GoToWebinarRequests.Post(added));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task WebinarCreatedThenARegistrant_TheRegistrationHasTheTimes_AndTheScheduledEndMakesTheNoShows()
    {
        await using var host = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        const string past = "4511665432126100001",
            future = "4511665432126100002",
            cancelled = "4511665432126100003";
        var (startsAt, endsAt) = (now.AddHours(-3), now.AddHours(-1));

        // Someone registers before GoTo told the webinar's times: no times for them, and none kept in memory after.
        using (
            var early = await host.Client.SendAsync(
                GoToWebinarRequests.Post(GoToWebinarRequests.RegistrantAdded("erken@isik.com.tr", webinarKey: past))
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        foreach (
            var json in (string[])
                [
                    GoToWebinarRequests.WebinarEvent("webinar.created", past, startsAt.AddDays(-1), endsAt.AddDays(-1)),
                    GoToWebinarRequests.WebinarEvent("webinar.changed", past, startsAt, endsAt), // moved: the new times
                    GoToWebinarRequests.WebinarEvent(
                        "webinar.created",
                        future,
                        now.AddDays(1),
                        now.AddDays(1).AddHours(1)
                    ),
                    GoToWebinarRequests.WebinarEvent("webinar.created", cancelled, startsAt, endsAt),
                    GoToWebinarRequests.WebinarEvent("webinar.changed", cancelled, startsAt, endsAt, "DELETED"),
                ]
        )
        {
            using var kept = await host.Client.SendAsync(GoToWebinarRequests.Post(json));
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            Assert.Equal("accepted", await StatusAsync(kept));
        }

        // Ayşe registers for each and joins none.
        foreach (var key in (string[])[past, future, cancelled])
        {
            using var added = await host.Client.SendAsync(
                GoToWebinarRequests.Post(GoToWebinarRequests.RegistrantAdded(Email, webinarKey: key))
            );
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        var id = LeadId.FromEmail(Email);
        var registration = await Eventually.GetAsync(async () =>
            await host.Table(TableNames.WebinarRegistrations)
                .GetEntityIfExistsAsync<TableEntity>($"gotowebinar|{past}", id)
                is { HasValue: true, Value: { } row }
                ? row
                : null
        );
        Assert.Equal(
            (startsAt.ToUnixTimeSeconds(), endsAt.ToUnixTimeSeconds(), "Europe/Istanbul"),
            (
                registration.GetDateTimeOffset("StartsAt")?.ToUnixTimeSeconds(),
                registration.GetDateTimeOffset("EndsAt")?.ToUnixTimeSeconds(),
                registration.GetString("TimeZone")
            )
        );
        await Eventually.TrueAsync(async () => await QueuedAsync(host) == 0, because: "every registration processed");

        // The timer ends the past webinar only, and only once.
        var timer = host.Services.GetRequiredService<EndScheduledWebinars>();
        await timer.RunAsync(new TimerRunInfo(false, null, null), CancellationToken.None);
        await timer.RunAsync(new TimerRunInfo(false, null, null), CancellationToken.None);
        var missed = await Eventually.GetAsync(async () =>
            (await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{id}/timeline"))
                ?.Where(e => e.Summary.StartsWith("webinar_missed", StringComparison.Ordinal))
                .ToList()
                is [_, ..] entries
                ? entries
                : null
        );
        await Eventually.TrueAsync(
            async () =>
                (await host.Queue(QueueNames.WebinarEndings).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0,
            because: "the end processed"
        );
        Assert.Single(missed);
        Assert.Equal(
            [past],
            await host.Table(TableNames.WebinarRegistrations)
                .QueryAsync<TableEntity>(r => r.RowKey == id)
                .Where(r => r.GetDateTimeOffset("MissedAt") is not null)
                .Select(r => r.PartitionKey["gotowebinar|".Length..])
                .ToListAsync()
        );
    }

    [Fact]
    public async Task AnEventWeDoNotUse_AcknowledgedAndNothingQueued()
    {
        await using var host = await StartAsync();
        using var created = await host.Client.SendAsync(GoToWebinarRequests.Post(GoToWebinarRequests.WebinarCreated));
        using var survey = await host.Client.SendAsync(
            GoToWebinarRequests.Post(
                """
                {"eventName":"survey.submitted","eventVersion":"1.0.0","product":"g2w","eventKey":"e1","webinarKey":4511665432126123456,"registrantKey":24576065432313123456,"email":"ayse.yilmaz@isik.com.tr","responses":[]}
                """
            )
        );

        Assert.All([created, survey], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("accepted", await StatusAsync(created)); // its times are kept: no queue message
        Assert.Equal("ignored", await StatusAsync(survey));
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task RegistrantWithoutAnEmail_AcknowledgedAndNothingQueued()
    {
        await using var host = await StartAsync();
        using var added = await host.Client.SendAsync(
            GoToWebinarRequests.Post(GoToWebinarRequests.RegistrantAdded(email: null))
        );
        using var joined = await host.Client.SendAsync(
            GoToWebinarRequests.Post(GoToWebinarRequests.RegistrantJoined(email: null))
        );

        Assert.All([added, joined], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("ignored", await StatusAsync(added));
        Assert.Equal("ignored", await StatusAsync(joined));
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task AWebinarEventWithAKeyThatIsNoKey_400ProblemNamingTheField_NothingKept()
    {
        await using var host = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        using var created = await host.Client.SendAsync(
            GoToWebinarRequests.Post(
                GoToWebinarRequests
                    .WebinarEvent("webinar.created", "4511665432126100009", now.AddHours(-2), now.AddHours(-1))
                    .Replace("\"webinarKey\":4511665432126100009", "\"webinarKey\":\"45/11\"", StringComparison.Ordinal)
            )
        );

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"webinarId\"", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await host.Table(TableNames.WebinarSchedules).QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task AnEmailThatIsNoEmail_400NamingTheField_NothingQueued()
    {
        await using var host = await StartAsync();
        using var added = await host.Client.SendAsync(
            GoToWebinarRequests.Post(GoToWebinarRequests.RegistrantAdded("ayse.yilmaz@"))
        );

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Contains("\"email\"", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task CallbackCheck_200OnceTheSecretKeyIsSet_401Before()
    {
        await using var host = await StartAsync();
        using var ready = await host.Client.GetAsync(GoToWebinarRequests.Route);
        await using var unconfigured = await TestHost.StartAsync(azurite, prefix: host.Prefix);
        using var refused = await unconfigured.Client.GetAsync(GoToWebinarRequests.Route);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
