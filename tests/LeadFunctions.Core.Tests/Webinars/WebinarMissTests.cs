using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Webinars;

/// <summary>A no-show the platform tells itself (Livestorm's people.not_attended): recorded at once, as the end would
/// record it.</summary>
public class WebinarMissTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly Webinar Session = new("livestorm", "6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", null);

    private sealed class Events : IEventQueue, ISubmissionQueue, IWebinarEndingQueue, IWebinarRegistrations
    {
        public List<EngagementEvent> Queued { get; } = [];

        public List<Registration> Recorded { get; } = [];

        public Task RecordAsync(IReadOnlyList<Registration> updates, CancellationToken cancellationToken)
        {
            Recorded.AddRange(updates);
            return Task.CompletedTask;
        }

        public Task<(IReadOnlyList<Registration> Page, string? Next)> ReadPageAsync(
            Webinar webinar,
            string? continuationToken,
            CancellationToken cancellationToken
        ) => throw new InvalidOperationException("A no-show reads no registrations.");

        public Task EnqueueAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken)
        {
            Queued.Add(engagementEvent);
            return Task.CompletedTask;
        }

        public Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A no-show submits no lead.");

        public Task EnqueueAsync(WebinarEnding ending, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A no-show queues no end.");
    }

    [Fact]
    public async Task MissAsync_OneWebinarMissed_WithTheIdTheEndGives()
    {
        var events = new Events();
        var intake = new WebinarIntake(events, events, events, events, new FakeTimeProvider(Now));

        var errors = await intake.MissAsync(Session, " Cagri.Isik@Isik.com.tr ", Now.AddHours(-1), default);

        Assert.Null(errors);
        var missed = Assert.Single(events.Queued);
        var leadId = LeadId.FromEmail("cagri.isik@isik.com.tr");
        Assert.Equal(
            (EventTypes.WebinarMissed, leadId, "livestorm", Now.AddHours(-1)),
            (missed.Type, missed.LeadId, missed.Source, missed.OccurredAt)
        );
        Assert.Equal(Session.NoShowId(leadId), missed.EventId);
        Assert.Equal(Session, Webinar.FromDetail(missed.Detail));
        Assert.Equal(Session.Id, Registration.From(missed)!.Webinar.Id);
        var marked = Assert.Single(events.Recorded);
        Assert.Equal((leadId, Now.AddHours(-1), Session.Id), (marked.LeadId, marked.MissedAt, marked.Webinar.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cagri.isik@")]
    public async Task MissAsync_NoEmail_TheFieldsError_NothingQueued(string? email)
    {
        var events = new Events();
        var intake = new WebinarIntake(events, events, events, events, new FakeTimeProvider(Now));

        var errors = await intake.MissAsync(Session, email, Now, default);

        Assert.Contains(LeadFormFields.Email, errors!.Keys);
        Assert.Empty(events.Queued);
        Assert.Empty(events.Recorded);
    }

    [Fact]
    public async Task MissAsync_NoWebinarId_TheFieldsError_NothingQueued()
    {
        var events = new Events();
        var intake = new WebinarIntake(events, events, events, events, new FakeTimeProvider(Now));

        var errors = await intake.MissAsync(Session with { Id = null }, "a@acme.com", Now, default);

        Assert.Contains("webinarId", errors!.Keys);
        Assert.Empty(events.Queued);
        Assert.Empty(events.Recorded);
    }
}
