using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Telemetry;
using LeadFunctions.Functions.Webinars;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.IntegrationTests.Telemetry;
using LeadFunctions.Testing.Webinars;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace LeadFunctions.IntegrationTests.Webinars;

/// <summary>Livestorm's webhook on the real host and Azurite, with Livestorm's payloads
/// (<see cref="LivestormRequests"/>): the address's last segment is the secret.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LivestormWebhookTests(AzuriteFixture azurite)
{
    private const string Email = "cagri.isik@isik.com.tr";

    private Task<TestHost> StartAsync() => TestHost.StartAsync(azurite, settings: [LivestormRequests.Setting()]);

    private static Task<int> QueuedAsync(TestHost host) => GoToWebinarWebhookTests.QueuedAsync(host);

    private static async Task<TableEntity?> RowAsync(TestHost host, string email) =>
        await host.Table(TableNames.WebinarRegistrations)
            .GetEntityIfExistsAsync<TableEntity>($"livestorm|{LivestormRequests.SessionId}", LeadId.FromEmail(email))
            is { HasValue: true } row
            ? row.Value
            : null;

    private static async Task<int> MissedAsync(TestHost host, string email) =>
        (
            await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{LeadId.FromEmail(email)}/timeline")
            ?? []
        ).Count(e => e.Summary.StartsWith(EventTypes.WebinarMissed, StringComparison.Ordinal));

    private static async Task<string?> StatusAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();

    [Fact]
    public async Task RegisteredTwiceThenAttended_OneWebinarLeadWithOneRegistrationAndOneAttendance()
    {
        await using var host = await StartAsync();
        var registered = LivestormRequests.Person("people.registered", Email);
        using var first = await host.Client.SendAsync(LivestormRequests.Post(registered));
        using var retried = await host.Client.SendAsync(LivestormRequests.Post(registered)); // Livestorm retries
        using var attended = await host.Client.SendAsync(
            LivestormRequests.Post(LivestormRequests.Person("people.attended", Email, attendanceSeconds: 2710))
        );
        Assert.All([first, retried, attended], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal("accepted", await StatusAsync(first));

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
        Assert.Equal("livestorm", lead.SourceDetail["platform"]);
        Assert.Equal(LivestormRequests.SessionId, lead.SourceDetail["webinarId"]);
        Assert.Equal(("Çağrı", "Işık", "Işık Yazılım A.Ş."), (lead.FirstName, lead.LastName, lead.Company));
        Assert.Equal("Satış Direktörü", lead.JobTitle);
        Assert.Single(timeline, e => e.Kind == "submission");
        Assert.Single(timeline, e => e.Summary.StartsWith("webinar_registered", StringComparison.Ordinal));
        Assert.Single(timeline, e => e.Summary.StartsWith("webinar_attended", StringComparison.Ordinal));
        var registration = (await RowAsync(host, Email))!;
        Assert.Equal(
            $"https://app.livestorm.co/p/2f6a0c8e/live?s={LivestormRequests.SessionId}",
            registration.GetString("JoinUrl")
        );
        Assert.Equal(45, registration.GetInt32("Minutes")); // 2,710 seconds
        Assert.NotNull(registration.GetDateTimeOffset("AttendedAt"));
    }

    [Fact]
    public async Task NotAttended_ANoShowAtOnce_ThenSessionEnded_TheRestNoShows_AttendeesNot_ReplaysChangeNothing()
    {
        await using var host = await StartAsync();
        const string attendee = "ayse.yilmaz@isik.com.tr";
        const string toldAbsent = "cagri.isik@isik.com.tr";
        const string neverTold = "isik.demir@isik.com.tr";
        foreach (
            var (email, first, last) in new[]
            {
                (attendee, "Ayşe", "Yılmaz"),
                (toldAbsent, "Çağrı", "Işık"),
                (neverTold, "Işık", "Demir"),
            }
        )
        {
            using var registered = await host.Client.SendAsync(
                LivestormRequests.Post(LivestormRequests.Person("people.registered", email, first, last))
            );
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        using var attended = await host.Client.SendAsync(
            LivestormRequests.Post(LivestormRequests.Person("people.attended", attendee, attendanceSeconds: 600))
        );
        var absent = LivestormRequests.Person("people.not_attended", toldAbsent);
        using var notAttended = await host.Client.SendAsync(LivestormRequests.Post(absent));
        Assert.Equal("accepted", await StatusAsync(notAttended));
        await Eventually.TrueAsync(
            async () => (await RowAsync(host, toldAbsent))?.GetDateTimeOffset("MissedAt") is not null,
            because: "people.not_attended is a no-show without waiting for the end"
        );
        Assert.Null((await RowAsync(host, neverTold))?.GetDateTimeOffset("MissedAt"));
        await Eventually.TrueAsync(async () =>
            (await RowAsync(host, attendee))?.GetDateTimeOffset("AttendedAt") is not null
        );

        using var ended = await host.Client.SendAsync(LivestormRequests.Post(LivestormRequests.SessionEnded()));
        using var again = await host.Client.SendAsync(LivestormRequests.Post(absent)); // Livestorm's retry
        Assert.Equal("accepted", await StatusAsync(ended));
        await Eventually.TrueAsync(
            async () => (await RowAsync(host, neverTold))?.GetDateTimeOffset("MissedAt") is not null,
            because: "the session's end makes the rest no-shows"
        );
        await Eventually.TrueAsync(
            async () =>
                (await host.Queue(QueueNames.WebinarEndings).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
                && await QueuedAsync(host) == 0,
            because: "the end and its no-shows processed"
        );

        Assert.Equal(0, await MissedAsync(host, attendee));
        Assert.Equal(1, await MissedAsync(host, toldAbsent));
        Assert.Equal(1, await MissedAsync(host, neverTold));
    }

    [Fact]
    public async Task WrongMissingOrUnsetSecret_RefusedAndNothingQueued()
    {
        await using var host = await StartAsync();
        var registered = LivestormRequests.Person("people.registered", Email);
        using var wrong = await host.Client.SendAsync(LivestormRequests.Post(registered, "ls-guessed"));
        using var longer = await host.Client.SendAsync(
            LivestormRequests.Post(registered, LivestormRequests.Secret + "x")
        );
        using var none = await host.Client.SendAsync(LivestormRequests.Post(registered, string.Empty));
        await using var unconfigured = await TestHost.StartAsync(azurite, prefix: host.Prefix);
        using var unset = await unconfigured.Client.SendAsync(LivestormRequests.Post(registered));

        Assert.All([wrong, longer, unset], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode); // no address without a secret
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task HostsAndEventsWeDoNotUse_AcknowledgedAndNothingQueued()
    {
        await using var host = await StartAsync();
        string[] bodies =
        [
            LivestormRequests.Person("people.registered", "host@isik.com.tr", role: "team_member"),
            LivestormRequests.Person("people.watched_replay", Email),
            """{"data":{"id":"2f6a0c8e","type":"events","attributes":{"title":"Satış Akademisi"}},"meta":{"webhook":{"event":"event.published"}}}""",
        ];

        foreach (var body in bodies)
        {
            using var response = await host.Client.SendAsync(LivestormRequests.Post(body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("ignored", await StatusAsync(response));
        }

        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task PersonWithoutAnEmail_AcknowledgedAndNothingQueued()
    {
        await using var host = await StartAsync();
        using var registered = await host.Client.SendAsync(
            LivestormRequests.Post(LivestormRequests.Person("people.registered", email: null))
        );

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal("ignored", await StatusAsync(registered));
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task BadInput_400WithTheReason_NothingQueued()
    {
        await using var host = await StartAsync();
        using var badEmail = await host.Client.SendAsync(
            LivestormRequests.Post(LivestormRequests.Person("people.registered", "cagri.isik@"))
        );
        using var notJson = await host.Client.SendAsync(LivestormRequests.Post("people.registered cagri@isik.com.tr"));
        using var tooLarge = await host.Client.SendAsync(
            LivestormRequests.Post(
                LivestormRequests.Person("people.registered", Email, lastName: new string('ş', 40_000))
            )
        );

        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains("\"email\"", await badEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(0, await QueuedAsync(host));
    }

    [Fact]
    public async Task TheSecretInTheAddress_InNoLogEntryAndNoSpan()
    {
        var logs = new LogRecorder();
        var spans = new SpanRecorder();
        Uri? address;
        await using (
            var host = await TestHost.StartAsync(
                azurite,
                builder =>
                {
                    builder.Logging.AddProvider(logs);
                    builder.AddLeadTelemetrySdk().WithTracing(tracing => tracing.AddProcessor(spans));
                },
                settings:
                [
                    LivestormRequests.Setting(),
                    "--Logging:LogLevel:Default=Trace",
                    "--Logging:LogLevel:Microsoft.AspNetCore=Trace",
                ]
            )
        )
        {
            address = host.Client.BaseAddress!;
            using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
            caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            using var accepted = await host.Client.SendAsync(
                LivestormRequests.Post(LivestormRequests.Person("people.registered", Email))
            );
            using var refused = await host.Client.SendAsync(
                LivestormRequests.Post(LivestormRequests.Person("people.registered", Email), "ls-guessed-secret")
            );
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            await Eventually.TrueAsync(async () => await QueuedAsync(host) == 0, because: "the registrant processed");
        }

        var requestSpans = spans.Spans.Where(s => s.Kind == ActivityKind.Server).ToList();
        Assert.Equal(
            2,
            requestSpans.Count(s =>
                s.GetTagItem("url.path") is string path && path.EndsWith("{secret}", StringComparison.Ordinal)
            )
        );
        Assert.Contains( // the requests were logged, with their route
            logs.Entries,
            e => e.Contains("Executing endpoint 'HTTP: POST /api/" + LivestormAddress.Route, StringComparison.Ordinal)
        );
        string[] secrets = [LivestormRequests.Secret, "ls-guessed-secret"];
        Assert.DoesNotContain(logs.Entries, e => secrets.Any(s => e.Contains(s, StringComparison.Ordinal)));
        // The test's own calls (Livestorm's side) are recorded too, as client spans to the host: not the host's.
        var hostSpans = spans.Spans.Where(span =>
            !(span.Kind == ActivityKind.Client && span.GetTagItem("server.port") is int port && port == address.Port)
        );
        Assert.DoesNotContain(hostSpans, span =>
            secrets.Any(s =>
                span.DisplayName.Contains(s, StringComparison.Ordinal)
                || span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(s, StringComparison.Ordinal) == true)
                || span.Events.Any(e => e.Name.Contains(s, StringComparison.Ordinal))
            )
        );
    }
}
