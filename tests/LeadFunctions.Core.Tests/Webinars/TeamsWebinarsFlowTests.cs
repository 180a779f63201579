using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Webinars;

/// <summary>What the Teams use cases decide, with Graph, the table and the queues in memory.</summary>
public class TeamsWebinarsFlowTests
{
    private static readonly DateTimeOffset EndsAt = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(EndsAt.AddHours(1));
    private readonly FakeGraph graph = new();
    private readonly Store store = new();
    private readonly Recorded recorded = new();
    private readonly TeamsWebinars teams;

    public TeamsWebinarsFlowTests()
    {
        teams = new TeamsWebinars(
            graph,
            store,
            recorded,
            new WebinarIntake(recorded, recorded, recorded, recorded, clock),
            new TeamsSubscriptionTarget(new Uri("https://leads.example.com/api/webhooks/webinars/teams"), "state"),
            clock
        );
        store.Rows["w@t"] = new TeamsSubscription(
            "w@t",
            "sub-1",
            EndsAt.AddHours(20),
            new Webinar(TeamsWebinars.Platform, "w@t", "Webinar", EndsAt.AddHours(-1), EndsAt)
        );
    }

    private static TeamsNotification Attendance => new() { Kind = TeamsNotification.Attendance, WebinarId = "w@t" };

    [Fact]
    public async Task NoReportYet_WithinADay_Waits_NothingEnded()
    {
        var outcome = await teams.HandleAsync(Attendance, CancellationToken.None);

        Assert.Equal(TeamsOutcome.Waiting, outcome);
        Assert.Empty(recorded.Endings);
        Assert.Null(store.Rows["w@t"].AttendanceReadAt);
    }

    [Fact]
    public async Task NoReportADayAfterTheEnd_EndsWithNobodyAttended()
    {
        clock.Advance(TimeSpan.FromDays(1));

        var outcome = await teams.HandleAsync(Attendance, CancellationToken.None);

        Assert.Equal(TeamsOutcome.Attended, outcome);
        Assert.Empty(recorded.Events);
        Assert.Empty(recorded.Endings); // The end waits for the attended events to be recorded.
        Assert.Equal(clock.GetUtcNow(), store.Rows["w@t"].AttendanceReadAt);

        clock.Advance(TeamsWebinars.EndDelay);
        await teams.TrackAsync(CancellationToken.None);
        var end = Assert.Single(recorded.Notifications);
        Assert.Equal(TeamsOutcome.Ended, await teams.HandleAsync(end, CancellationToken.None));
        Assert.Equal(TeamsOutcome.Ignored, await teams.HandleAsync(end, CancellationToken.None)); // once
        Assert.Equal(EndsAt, Assert.Single(recorded.Endings).EndedAt);
    }

    [Theory]
    [InlineData("waitlisted", TeamsOutcome.Ignored)]
    [InlineData("canceled", TeamsOutcome.Ignored)]
    [InlineData("registered", TeamsOutcome.Registered)]
    public async Task OnlyARegisteredRegistration_MakesALead(string status, TeamsOutcome expected)
    {
        graph.Registration = new TeamsRegistration(
            "r1",
            "ayse@acme.com.tr",
            "Ayşe",
            "Yılmaz",
            status,
            EndsAt.AddDays(-3)
        );

        var outcome = await teams.HandleAsync(
            new TeamsNotification
            {
                Kind = TeamsNotification.Registration,
                WebinarId = "w@t",
                RegistrationId = "r1",
            },
            CancellationToken.None
        );

        Assert.Equal(expected, outcome);
        Assert.Equal(expected == TeamsOutcome.Registered ? 1 : 0, recorded.Submissions.Count);
    }

    [Fact]
    public async Task ANotificationForAWebinarNotFollowed_NoGraphRead()
    {
        var outcome = await teams.HandleAsync(
            new TeamsNotification
            {
                Kind = TeamsNotification.Registration,
                WebinarId = "x@t",
                RegistrationId = "r1",
            },
            CancellationToken.None
        );

        Assert.Equal(TeamsOutcome.NotFollowed, outcome);
        Assert.Equal(0, graph.Reads);
    }

    [Fact]
    public async Task Track_AGraphFailure_NamedAndTheOthersRenewed()
    {
        store.Rows["v@t"] = store.Rows["w@t"] with { WebinarId = "v@t", SubscriptionId = "sub-broken" };
        clock.Advance(TimeSpan.FromHours(9)); // both expire within 12 hours

        var round = await teams.TrackAsync(CancellationToken.None);

        Assert.Equal(1, round.Renewed);
        Assert.Equal(["v@t"], round.Failed.Keys);
        Assert.Equal(clock.GetUtcNow() + TeamsWebinars.Lifetime, store.Rows["w@t"].ExpiresAt);
    }

    private sealed class FakeGraph : ITeamsGraph
    {
        public TeamsRegistration? Registration { get; set; }

        public int Reads { get; private set; }

        public Task<Webinar?> GetWebinarAsync(string webinarId, CancellationToken cancellationToken) =>
            Task.FromResult<Webinar?>(null);

        public Task<TeamsRegistration?> GetRegistrationAsync(
            string webinarId,
            string registrationId,
            CancellationToken cancellationToken
        )
        {
            Reads++;
            return Task.FromResult(Registration);
        }

        public IAsyncEnumerable<TeamsRegistration> ListRegistrationsAsync(
            string webinarId,
            CancellationToken cancellationToken
        ) => AsyncEnumerable.Empty<TeamsRegistration>();

        public Task<TeamsAttendance> GetAttendanceAsync(string webinarId, CancellationToken cancellationToken) =>
            Task.FromResult(new TeamsAttendance(0, []));

        public Task<GraphSubscription> SubscribeAsync(
            string webinarId,
            TeamsSubscriptionTarget target,
            DateTimeOffset expiresAt,
            CancellationToken cancellationToken
        ) => Task.FromResult(new GraphSubscription("sub-new", expiresAt));

        public Task<GraphSubscription?> RenewAsync(
            string subscriptionId,
            DateTimeOffset expiresAt,
            CancellationToken cancellationToken
        ) =>
            subscriptionId == "sub-broken"
                ? throw new HttpRequestException("Graph answered 503.")
                : Task.FromResult<GraphSubscription?>(new GraphSubscription(subscriptionId, expiresAt));

        public Task<bool> ReauthorizeAsync(string subscriptionId, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }

    private sealed class Store : ITeamsSubscriptionStore
    {
        public Dictionary<string, TeamsSubscription> Rows { get; } = new(StringComparer.Ordinal);

        public Task<TeamsSubscription?> GetAsync(string webinarId, CancellationToken cancellationToken) =>
            Task.FromResult(Rows.GetValueOrDefault(webinarId));

        public Task<IReadOnlyList<TeamsSubscription>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TeamsSubscription>>([.. Rows.Values]);

        public Task PutAsync(TeamsSubscription subscription, CancellationToken cancellationToken)
        {
            Rows[subscription.WebinarId] = subscription;
            return Task.CompletedTask;
        }
    }

    private sealed class Recorded
        : ISubmissionQueue,
            IEventQueue,
            IWebinarEndingQueue,
            ITeamsNotificationQueue,
            IWebinarRegistrations
    {
        /// <summary>Teams names no no-shows itself: nothing is marked outside the end.</summary>
        public Task RecordAsync(IReadOnlyList<Registration> updates, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Teams marks no registration itself.");

        public Task<(IReadOnlyList<Registration> Page, string? Next)> ReadPageAsync(
            Webinar webinar,
            string? continuationToken,
            CancellationToken cancellationToken
        ) => throw new InvalidOperationException("Teams reads no registrations.");

        public List<LeadSubmission> Submissions { get; } = [];

        public List<EngagementEvent> Events { get; } = [];

        public List<WebinarEnding> Endings { get; } = [];

        public List<TeamsNotification> Notifications { get; } = [];

        public Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken) =>
            Add(Submissions, submission);

        public Task EnqueueAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken) =>
            Add(Events, engagementEvent);

        public Task EnqueueAsync(WebinarEnding ending, CancellationToken cancellationToken) => Add(Endings, ending);

        public Task EnqueueAsync(IReadOnlyList<TeamsNotification> notifications, CancellationToken cancellationToken)
        {
            Notifications.AddRange(notifications);
            return Task.CompletedTask;
        }

        private static Task Add<T>(List<T> list, T item)
        {
            list.Add(item);
            return Task.CompletedTask;
        }
    }
}
