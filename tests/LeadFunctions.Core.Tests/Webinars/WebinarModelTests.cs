using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Webinars;

/// <summary>The webinar model: what the intake queues, what a registration is made of, the end's no-shows.</summary>
public class WebinarModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly Webinar Launch = new(
        "zoom",
        "85236589674",
        "Ürün Lansmanı 2026",
        Now.AddHours(-2),
        TimeZone: "Europe/Istanbul"
    );

    private const string JoinUrl = "https://us06web.zoom.us/w/85236589674?tk=abc&uuid=WN_1";

    private sealed class Recorded : ISubmissionQueue, IEventQueue, IWebinarEndingQueue, IEngagementRecorder
    {
        public List<LeadSubmission> Submissions { get; } = [];

        /// <summary>Every event recorded at once, not queued (a webinar's no-shows).</summary>
        public List<EngagementEvent> Processed { get; } = [];

        /// <summary>The lead whose events fail to be recorded at once.</summary>
        public string? Failing { get; set; }

        /// <summary>Every event queued, a registration's with its submission (one message).</summary>
        public List<EngagementEvent> Events { get; } = [];

        public List<WebinarEnding> Endings { get; } = [];

        public async Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken)
        {
            await Add(Submissions, submission);
            if (submission.Engagement is { } engagement)
            {
                await Add(Events, engagement);
            }
        }

        public Task EnqueueAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken) =>
            Add(Events, engagementEvent);

        public Task EnqueueAsync(WebinarEnding ending, CancellationToken cancellationToken) => Add(Endings, ending);

        public async Task<UpdateOutcome> ProcessAsync(
            EngagementEvent engagementEvent,
            CancellationToken cancellationToken
        )
        {
            if (engagementEvent.LeadId == Failing)
            {
                throw new InvalidOperationException("The lead's storage refused the write.");
            }

            await Add(Processed, engagementEvent);
            return UpdateOutcome.Updated;
        }

        private static Task Add<T>(List<T> list, T item)
        {
            lock (list)
            {
                list.Add(item);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>The registrations table in memory: pages of <see cref="PageSize"/>, the table's merge.</summary>
    private sealed class InMemoryRegistrations : IWebinarRegistrations
    {
        public const int PageSize = 2;

        public SortedDictionary<string, Registration> Rows { get; } = new(StringComparer.Ordinal);

        public Task RecordAsync(IReadOnlyList<Registration> updates, CancellationToken cancellationToken)
        {
            foreach (var update in updates)
            {
                var key = $"{update.Webinar.Platform}|{update.Webinar.Id}|{update.LeadId}";
                Rows[key] = Rows.TryGetValue(key, out var row) ? row.With(update) : update;
            }

            return Task.CompletedTask;
        }

        public Task<(IReadOnlyList<Registration> Page, string? Next)> ReadPageAsync(
            Webinar webinar,
            string? continuationToken,
            CancellationToken cancellationToken
        )
        {
            var all = Rows.Values.Where(r => r.Webinar.Platform == webinar.Platform && r.Webinar.Id == webinar.Id);
            var skip = int.Parse(continuationToken ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            var page = all.Skip(skip).Take(PageSize).ToList();
            var next =
                all.Count() > skip + PageSize
                    ? (skip + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : null;
            return Task.FromResult<(IReadOnlyList<Registration>, string?)>((page, next));
        }
    }

    private readonly Recorded queued = new();
    private readonly InMemoryRegistrations registrations = new();

    private WebinarIntake Intake() => new(queued, queued, queued, registrations, new FakeTimeProvider(Now));

    [Fact]
    public async Task Register_WithJoinUrl_EventCarriesItAndTheWebinar()
    {
        var errors = await Intake()
            .RegisterAsync(Launch, new LeadForm { Email = "Ayse@Acme.com.tr" }, Now, JoinUrl, default);

        Assert.Null(errors);
        var registered = Assert.Single(queued.Events);
        Assert.Equal(EventTypes.WebinarRegistered, registered.Type);
        Assert.Equal(JoinUrl, registered.Detail[WebinarAttendance.JoinUrl]);
        Assert.Equal("Europe/Istanbul", registered.Detail[Webinar.TimeZoneDetail]);
        Assert.Equal(Launch, Webinar.FromDetail(registered.Detail));
        Assert.Same(registered, Assert.Single(queued.Submissions).Engagement);
    }

    [Theory]
    [InlineData("http://us06web.zoom.us/w/1")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/w/85236589674")]
    public async Task Register_JoinUrlNotHttps_RefusedNothingQueued(string joinUrl)
    {
        var errors = await Intake()
            .RegisterAsync(Launch, new LeadForm { Email = "ayse@acme.com.tr" }, Now, joinUrl, default);

        Assert.Equal([WebinarAttendance.JoinUrl], errors!.Keys);
        Assert.Empty(queued.Events);
        Assert.Empty(queued.Submissions);
    }

    [Fact]
    public async Task Register_JoinUrlTooLong_Refused()
    {
        var errors = await Intake()
            .RegisterAsync(
                Launch,
                new LeadForm { Email = "ayse@acme.com.tr" },
                Now,
                "https://zoom.us/w/1?tk=" + new string('a', WebinarAttendance.MaxJoinUrlLength),
                default
            );

        Assert.Contains(WebinarAttendance.JoinUrl, errors!.Keys);
    }

    [Fact]
    public async Task Attend_WithMinutes_EventCarriesThem()
    {
        var errors = await Intake().AttendAsync(Launch, "ayse@acme.com.tr", Now, 47, default);

        Assert.Null(errors);
        Assert.Equal("47", Assert.Single(queued.Events).Detail[WebinarAttendance.Minutes]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(WebinarAttendance.MaxMinutes + 1)]
    public async Task Attend_MinutesOutOfRange_RefusedNothingQueued(int minutes)
    {
        var errors = await Intake().AttendAsync(Launch, "ayse@acme.com.tr", Now, minutes, default);

        Assert.Equal([WebinarAttendance.Minutes], errors!.Keys);
        Assert.Empty(queued.Events);
    }

    [Fact]
    public async Task End_QueuesTheEnd_ABadWebinarIdOrZoneIsRefused()
    {
        Assert.Null(await Intake().EndAsync(Launch, Now, default));
        Assert.NotNull(await Intake().EndAsync(Launch with { Id = "has space" }, Now, default));
        Assert.NotNull(await Intake().EndAsync(Launch with { TimeZone = "Mars/Olympus" }, Now, default));

        Assert.Equal(new WebinarEnding(Launch, Now), Assert.Single(queued.Endings));
    }

    [Theory]
    [InlineData("Europe/Istanbul", true)]
    [InlineData("UTC", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Turkey Standard Time", false)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("../etc/passwd", false)]
    public void TimeZones_OnlyIanaIdsTheSystemKnows(string id, bool known) =>
        Assert.Equal(known, WebinarTimeZones.IsKnown(id));

    [Fact]
    public async Task Registration_FromItsEvents_AttendanceAfterTheEndStillCounts()
    {
        var lead = LeadId.FromEmail("ayse@acme.com.tr");
        await Intake()
            .RegisterAsync(Launch, new LeadForm { Email = "ayse@acme.com.tr" }, Now.AddDays(-3), JoinUrl, default);
        var missed = new EngagementEvent
        {
            EventId = Launch.NoShowId(lead),
            LeadId = lead,
            Type = EventTypes.WebinarMissed,
            OccurredAt = Now.AddMinutes(-10),
            Source = "zoom",
            Detail = Launch.Detail(),
        };
        Assert.Equal(RegistrationStatus.NoShow, Assert.Single(Registration.Of([.. queued.Events, missed])).Status);

        await Intake().AttendAsync(Launch, "ayse@acme.com.tr", Now, 12, default);
        var registration = Assert.Single(Registration.Of([.. queued.Events, missed]));

        Assert.Equal(RegistrationStatus.Attended, registration.Status);
        Assert.Equal(JoinUrl, registration.JoinUrl);
        Assert.Equal(12, registration.Minutes);
        Assert.Equal(Now.AddDays(-3), registration.RegisteredAt);
        Assert.Equal("Ürün Lansmanı 2026", registration.Webinar.Title);
    }

    [Fact]
    public async Task Summary_SaysTheWebinarAndWhatTheEventTells()
    {
        await Intake()
            .RegisterAsync(Launch, new LeadForm { Email = "ayse@acme.com.tr" }, Now.AddDays(-1), JoinUrl, default);
        await Intake().AttendAsync(Launch, "ayse@acme.com.tr", Now, 47, default);

        Assert.Equal(
            [
                "webinar_registered via zoom: Ürün Lansmanı 2026 (85236589674), starts 2026-11-24 10:00 UTC "
                    + $"(Europe/Istanbul), join {JoinUrl}",
                "webinar_attended via zoom: Ürün Lansmanı 2026 (85236589674), starts 2026-11-24 10:00 UTC "
                    + "(Europe/Istanbul), 47 min attended",
            ],
            queued.Events.Select(Registration.Summary)
        );
    }

    [Fact]
    public void Registration_FromAnotherEvent_None() =>
        Assert.Null(
            Registration.From(
                new EngagementEvent
                {
                    EventId = "e1",
                    LeadId = LeadId.FromEmail("ayse@acme.com.tr"),
                    Type = EventTypes.PageView,
                    OccurredAt = Now,
                    Source = "web",
                }
            )
        );

    [Fact]
    public async Task NoShows_EachRegistrantWhoDidNotAttend_OneEventPageByPage_OneThatFailsQueued_ARetriedPageTheSameIds()
    {
        string[] emails = ["ayse@acme.com.tr", "isik@acme.com.tr", "cagri@acme.com.tr", "gelen@acme.com.tr"];
        var subscriber = new RegistrationSubscriber(registrations);
        foreach (var email in emails)
        {
            await Intake().RegisterAsync(Launch, new LeadForm { Email = email }, Now.AddDays(-1), JoinUrl, default);
        }

        await Intake().AttendAsync(Launch, "gelen@acme.com.tr", Now.AddHours(-1), null, default);
        foreach (var recorded in queued.Events)
        {
            await subscriber.BeforeSaveAsync(LeadChange.EventsKept(recorded.LeadId, null, recorded), default);
        }

        var failing = LeadId.FromEmail("isik@acme.com.tr");
        queued.Failing = failing;
        var queuedBefore = queued.Events.Count;
        var firstEnd = await EndAsync(marked: false);
        var retried = Assert.Single(queued.Events.Skip(queuedBefore));
        Assert.Equal((failing, EventTypes.WebinarMissed), (retried.LeadId, retried.Type));
        firstEnd.Add(retried);
        queued.Failing = null;
        var replayed = await EndAsync();

        Assert.Equal(3, firstEnd.Count);
        Assert.All(firstEnd, e => Assert.Equal(EventTypes.WebinarMissed, e.Type));
        Assert.All(firstEnd, e => Assert.Equal(Launch.NoShowId(e.LeadId), e.EventId));
        Assert.DoesNotContain(firstEnd, e => e.LeadId == LeadId.FromEmail("gelen@acme.com.tr"));
        Assert.Equal(firstEnd.Select(e => e.EventId).Order(), replayed.Select(e => e.EventId).Order());
        Assert.All(firstEnd, e => Assert.Equal(Now, Webinar.FromDetail(e.Detail)!.EndsAt));

        // The end marked its no-shows: a replayed or second end finds nobody left to make one.
        Assert.Equal(3, registrations.Rows.Values.Count(r => r.Status == RegistrationStatus.NoShow));
        Assert.Empty(await EndAsync());
    }

    /// <summary>The end processed as the queue function would: each page, then the next page it queued; the events
    /// it recorded. Unless <paramref name="marked"/>, as if each page had failed after recording its events, before
    /// marking them.</summary>
    private async Task<List<EngagementEvent>> EndAsync(bool marked = true)
    {
        var before = queued.Processed.Count;
        var rows = new Dictionary<string, Registration>(registrations.Rows);
        var noShows = new WebinarNoShows(registrations, queued, queued, queued);
        var ending = new WebinarEnding(Launch, Now);
        var pages = 0;
        while (true)
        {
            var endings = queued.Endings.Count;
            await noShows.RecordPageAsync(ending, default);
            pages++;
            if (queued.Endings.Count == endings)
            {
                break;
            }

            ending = queued.Endings[^1];
        }

        Assert.Equal(2, pages); // 4 registrations, 2 a page
        if (!marked)
        {
            registrations.Rows.Clear();
            foreach (var (key, row) in rows)
            {
                registrations.Rows[key] = row;
            }
        }

        return queued.Processed.Skip(before).ToList();
    }
}
