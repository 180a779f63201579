using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Functions.Webinars;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.IntegrationTests.Telemetry;
using LeadFunctions.Testing.Webinars;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.IntegrationTests.Webinars;

/// <summary>
/// The ON24 poll on the real runtime against Azurite and a stand-in of ON24's API (<see cref="On24StandIn"/>): the
/// timer is off on its schedule and run by the test.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class On24PollTests(AzuriteFixture azurite) : IAsyncLifetime, IAsyncDisposable
{
    private const string EventId = "4512345";
    private const string Registrants = "registrants";
    private const string Attendees = "attendees";

    private readonly ShiftedClock clock = new();
    private readonly LogRecorder logs = new();
    private On24StandIn on24 = null!;

    private DateTimeOffset Now => clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        on24 = await On24StandIn.StartAsync();
        // Ended an hour ago: its attendance has not settled yet (the end is handed on 2 hours after it).
        on24.AddEvent(EventId, "Pazarlama Otomasyonu 101", Now.AddHours(-2), TimeSpan.FromHours(1));
    }

    public async Task DisposeAsync()
    {
        logs.Dispose();
        await on24.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private Task<TestHost> StartAsync(string? prefix = null, params string[] settings) =>
        TestHost.StartAsync(
            azurite,
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Logging.AddProvider(logs);
            },
            prefix,
            settings:
            [
                .. on24.HostSettings(EventId),
                "--AzureWebJobs.PollOn24.Disabled=true",
                "--Logging:LogLevel:LeadFunctions.Functions.Webinars=Information",
                .. settings,
            ]
        );

    private static Task PollAsync(TestHost host) =>
        host
            .Services.GetRequiredService<PollOn24>()
            .RunAsync(new TimerRunInfo(false, null, null), CancellationToken.None);

    private static Task<LeadView> LeadAsync(TestHost host, string email) =>
        Eventually.GetAsync(
            () => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{LeadId.FromEmail(email)}"),
            because: $"the lead of {email}"
        );

    private static Task<List<TimelineEntryView>> EventsAsync(TestHost host, string email, int count) =>
        Eventually.GetAsync(
            async () =>
                await host.GetJsonWithKeyAsync<List<TimelineEntryView>>(
                    $"/api/leads/{LeadId.FromEmail(email)}/timeline"
                )
                    is { } timeline
                && timeline.Count(e => e.Kind == "event") >= count
                    ? timeline.Where(e => e.Kind == "event").ToList()
                    : null,
            because: $"{count} events of {email}"
        );

    private IEnumerable<string> RegistrantReads =>
        on24.Requests.Where(r => r.Contains("/registrant?", StringComparison.Ordinal));

    [Fact]
    public async Task Poll_FirstReadsAll_SecondOnlyTheNew_TurkishNamesKept_NoEmailSkipped()
    {
        on24.AddRegistrant(EventId, "ayse.yilmaz@acme.com.tr", "Ayşe", "Yılmaz", Now.AddDays(-3));
        on24.AddRegistrant(EventId, "isik.celik@acme.com.tr", "Işık", "Çelik", Now.AddDays(-3), marketingEmail: true);
        on24.AddRegistrant(EventId, null, "Adsız", "Kişi", Now.AddDays(-3));
        on24.AddAttendee(EventId, "ayse.yilmaz@acme.com.tr", Now.AddHours(-2), liveMinutes: 40, archiveMinutes: 5);
        await using var host = await StartAsync();

        await PollAsync(host);

        var ayse = await LeadAsync(host, "ayse.yilmaz@acme.com.tr");
        Assert.Equal(("Ayşe", "Yılmaz"), (ayse.FirstName, ayse.LastName));
        Assert.Equal("webinar", ayse.Source);
        Assert.Equal("on24", ayse.SourceDetail["platform"]);
        Assert.Equal(EventId, ayse.SourceDetail["webinarId"]);
        Assert.Equal("Pazarlama Otomasyonu 101", ayse.SourceDetail["webinarTitle"]);
        var isik = await LeadAsync(host, "isik.celik@acme.com.tr");
        Assert.Equal(("Işık", "Çelik", "Acme A.Ş."), (isik.FirstName, isik.LastName, isik.Company));
        Assert.Equal("granted", isik.Consent.Email); // ON24's marketingemail "Y"
        Assert.Equal("none", ayse.Consent.Email);
        var events = await EventsAsync(host, "ayse.yilmaz@acme.com.tr", 2);
        Assert.Contains(events, e => e.Summary.StartsWith("webinar_registered", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Summary.StartsWith("webinar_attended", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e =>
            e.Contains("2 registrants and 1 attendees queued, 1 without", StringComparison.Ordinal)
        );
        Assert.DoesNotContain("startDate", RegistrantReads.Single(), StringComparison.Ordinal);

        on24.AddRegistrant(EventId, "cagri.ozturk@acme.com.tr", "Çağrı", "Öztürk", Now);
        await PollAsync(host);

        var cagri = await LeadAsync(host, "cagri.ozturk@acme.com.tr");
        Assert.Equal(("Çağrı", "Öztürk"), (cagri.FirstName, cagri.LastName));
        Assert.Contains("startDate=", RegistrantReads.Last(), StringComparison.Ordinal);
        Assert.Equal(1, on24.Served(Registrants, "ayse.yilmaz@acme.com.tr"));
        Assert.Equal(1, on24.Served(Registrants, "isik.celik@acme.com.tr"));
        Assert.Equal(1, on24.Served(Registrants, "cagri.ozturk@acme.com.tr"));
        // An attendee is read again within the 12 hours ON24 may take to list one, and recorded once.
        Assert.Equal(2, on24.Served(Attendees, "ayse.yilmaz@acme.com.tr"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await EventsAsync(host, "ayse.yilmaz@acme.com.tr", 2)).Count);
    }

    [Fact]
    public async Task Poll_JoinUrlAndMinutesKept_EndHandedOnOnceAfterAttendanceSettled_NoShowMissed()
    {
        on24.AddRegistrant(EventId, "ayse.yilmaz@acme.com.tr", "Ayşe", "Yılmaz", Now.AddDays(-3));
        on24.AddRegistrant(EventId, "cagri.ozturk@acme.com.tr", "Çağrı", "Öztürk", Now.AddDays(-3));
        on24.AddAttendee(EventId, "ayse.yilmaz@acme.com.tr", Now.AddHours(-2), liveMinutes: 40, archiveMinutes: 5);
        await using var host = await StartAsync();

        await PollAsync(host);
        await EventsAsync(host, "ayse.yilmaz@acme.com.tr", 2);
        await EventsAsync(host, "cagri.ozturk@acme.com.tr", 1);
        Assert.DoesNotContain(logs.Entries, e => e.Contains("ended; its no-shows follow", StringComparison.Ordinal));

        clock.Offset += TimeSpan.FromHours(1.5); // 2.5 hours after the live end
        await PollAsync(host);
        await PollAsync(host);

        var missed = await EventsAsync(host, "cagri.ozturk@acme.com.tr", 2);
        Assert.Contains(missed, e => e.Summary.StartsWith("webinar_missed", StringComparison.Ordinal));
        Assert.Single(logs.Entries, e => e.Contains($"event {EventId} ended", StringComparison.Ordinal));
        var ayse = await host.Table(TableNames.WebinarRegistrations)
            .GetEntityAsync<TableEntity>($"on24|{EventId}", LeadId.FromEmail("ayse.yilmaz@acme.com.tr"));
        Assert.Equal(45, ayse.Value.GetInt32("Minutes"));
        Assert.Equal(
            $"https://event.on24.com/wcc/r/{EventId}/9AB4ABD834D841E9E5ED9124D266848B",
            ayse.Value.GetString("JoinUrl")
        );
        Assert.Equal("Europe/Istanbul", ayse.Value.GetString("TimeZone"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await EventsAsync(host, "ayse.yilmaz@acme.com.tr", 2)).Count); // attended: never missed
    }

    [Fact]
    public async Task Poll_AcrossARestart_ResumesFromTheWatermark_NoOneTwiceNoOneMissed()
    {
        var prefix = TestHost.NewPrefix();
        on24.AddRegistrant(EventId, "ayse.yilmaz@acme.com.tr", "Ayşe", "Yılmaz", Now.AddDays(-3));
        await using (var first = await StartAsync(prefix))
        {
            await PollAsync(first);
            await LeadAsync(first, "ayse.yilmaz@acme.com.tr");
        }

        // Registered while no host ran.
        on24.AddRegistrant(EventId, "cagri.ozturk@acme.com.tr", "Çağrı", "Öztürk", Now);
        await using var second = await StartAsync(prefix);
        await PollAsync(second);

        var cagri = await LeadAsync(second, "cagri.ozturk@acme.com.tr");
        Assert.Equal("Çağrı", cagri.FirstName);
        Assert.Contains("startDate=", RegistrantReads.Last(), StringComparison.Ordinal);
        Assert.Equal(1, on24.Served(Registrants, "ayse.yilmaz@acme.com.tr"));
        Assert.Equal(1, on24.Served(Registrants, "cagri.ozturk@acme.com.tr"));
    }

    [Fact]
    public async Task Poll_429WithRetryAfter_NextPollsWaitForIt_ThenRead()
    {
        on24.AddRegistrant(EventId, "ayse.yilmaz@acme.com.tr", "Ayşe", "Yılmaz", Now.AddDays(-3));
        on24.AnswerNext(1, 429, "Too Many Requests", TimeSpan.FromHours(1));
        await using var host = await StartAsync();

        await PollAsync(host);
        Assert.Single(on24.Requests); // not retried by the HTTP pipeline
        Assert.Contains(logs.Entries, e => e.Contains("ON24 poll rate-limited", StringComparison.Ordinal));

        clock.Offset += TimeSpan.FromMinutes(30);
        await PollAsync(host);
        Assert.Single(on24.Requests);
        Assert.Contains(logs.Entries, e => e.Contains("ON24 poll skipped", StringComparison.Ordinal));

        clock.Offset += TimeSpan.FromMinutes(31);
        await PollAsync(host);
        await LeadAsync(host, "ayse.yilmaz@acme.com.tr");
    }

    [Fact]
    public async Task Poll_On24s403CallLimit_NextPollWaits()
    {
        on24.AnswerNext(1, 403, "You have reached the maximum number of calls for this api.");
        await using var host = await StartAsync();

        await PollAsync(host);
        await PollAsync(host);

        Assert.Single(on24.Requests);
        clock.Offset += TimeSpan.FromMinutes(6); // ON24 named no wait: the first is 5 minutes
        await PollAsync(host);
        Assert.True(on24.Requests.Count > 1);
    }

    [Fact]
    public async Task Poll_AnEventOn24DoesNotKnow_SkippedWithAWarning_TheOthersRead()
    {
        on24.AddRegistrant(EventId, "ayse.yilmaz@acme.com.tr", "Ayşe", "Yılmaz", Now.AddDays(-3));
        await using var host = await StartAsync(null, $"--On24:EventIds=4000001,{EventId}");

        await PollAsync(host);

        await LeadAsync(host, "ayse.yilmaz@acme.com.tr");
        Assert.Contains(logs.Entries, e => e.Contains("event 4000001 refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_WrongTokenPair_LogsAndChangesNothing()
    {
        var prefix = TestHost.NewPrefix();
        on24.AddRegistrant(EventId, "ayse.yilmaz@acme.com.tr", "Ayşe", "Yılmaz", Now.AddDays(-3));
        await using (var wrong = await StartAsync(prefix, "--On24:AccessTokenSecret=not-the-secret"))
        {
            await PollAsync(wrong);
            Assert.Contains(logs.Entries, e => e.Contains("ON24 answered 401", StringComparison.Ordinal));
            Assert.Single(on24.Requests);
            var rows = wrong.Table(TableNames.On24Poll).QueryAsync<TableEntity>();
            Assert.Empty(await rows.ToListAsync());
        }

        await using var right = await StartAsync(prefix);
        await PollAsync(right);
        await LeadAsync(right, "ayse.yilmaz@acme.com.tr");
        Assert.DoesNotContain("startDate", RegistrantReads.Single(), StringComparison.Ordinal);
    }
}
