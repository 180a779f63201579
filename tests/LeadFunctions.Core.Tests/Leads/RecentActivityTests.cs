using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Leads;

public sealed class RecentActivityTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lead Lead = new()
    {
        Id = LeadId.FromEmail("son@acme.com"),
        Email = "son@acme.com",
        Source = "web",
        CreatedAt = At,
        UpdatedAt = At,
        LastSubmittedAt = At,
    };

    [Fact]
    public void After_AFewChanges_HoldsAllOfThem_NewestFirst_NotPartial()
    {
        var recent = RecentActivity
            .None.After(LeadChange.Submitted(Lead, null, [Entry("form", 0)], Record("c-1", 0)))
            .After(LeadChange.Engaged(Lead, "etag", [Entry("score|ev", 2, TimelineKind.Score)], Event("ev", 1)));

        Assert.Equal(["score|ev", "form"], recent.Entries.Select(e => e.Id));
        Assert.Equal(["ev"], recent.Events.Select(e => e.EventId));
        Assert.Equal(["c-1"], recent.Consent.Select(r => r.Id));
        Assert.False(recent.Partial);
    }

    [Fact]
    public void After_MoreThanItKeeps_TheNewest_WithOlderStageMovesAndTheLatestScore_AndSaysItIsPartial()
    {
        var recent = RecentActivity.None.After(
            LeadChange.Engaged(
                Lead,
                null,
                [
                    Entry("stage-1", 0, TimelineKind.Stage),
                    Entry("score-1", 1, TimelineKind.Score),
                    Entry("stage-2", 2, TimelineKind.Stage),
                    Entry("score-2", 3, TimelineKind.Score),
                    .. Enumerable.Range(10, 30).Select(i => Entry($"mail-{i}", i)),
                ],
                [.. Enumerable.Range(0, 30).Select(i => Event($"ev-{i:D2}", i))]
            )
        );

        Assert.Equal(
            [.. Enumerable.Range(15, 25).Reverse().Select(i => $"mail-{i}"), "score-2", "stage-2", "stage-1"],
            recent.Entries.Select(e => e.Id)
        );
        Assert.Equal(
            Enumerable.Range(5, RecentActivity.MaxEvents).Reverse().Select(i => $"ev-{i:D2}"),
            recent.Events.Select(e => e.EventId)
        );
        Assert.True(recent.Partial);
    }

    [Fact]
    public void After_Partial_StaysPartial_AndTheLedgerKeepsItsNewest()
    {
        var partial = RecentActivity.None with { Partial = true };
        var change = LeadChange.Updated(Lead, "etag") with
        {
            ConsentRecords = [.. Enumerable.Range(0, 22).Select(i => Record($"c-{i:D2}", i))],
        };

        var recent = partial.After(change);

        Assert.True(recent.Partial);
        Assert.Equal(
            Enumerable.Range(2, RecentActivity.MaxConsent).Reverse().Select(i => $"c-{i:D2}"),
            recent.Consent.Select(r => r.Id)
        );
        Assert.True(recent.MayLeaveOutConsent);
    }

    [Fact]
    public void MayLeaveOutConsent_OnlyWhenPartial_AndTheLedgerIsFull()
    {
        var full = RecentActivity.None.After(
            LeadChange.Updated(Lead, "etag") with
            {
                ConsentRecords = [.. Enumerable.Range(0, RecentActivity.MaxConsent).Select(i => Record($"c-{i}", i))],
            }
        );

        Assert.False(full.MayLeaveOutConsent);
        Assert.True((full with { Partial = true }).MayLeaveOutConsent);
        Assert.False((RecentActivity.None with { Partial = true }).MayLeaveOutConsent);
    }

    [Fact]
    public void After_AtTheSameTime_ByIdAsTheRowsKeysOrderThem()
    {
        var recent = RecentActivity.None.After(LeadChange.Updated(Lead, null, Entry("b", 0), Entry("a", 0)));

        Assert.Equal(["a", "b"], recent.Entries.Select(e => e.Id));
    }

    private static TimelineEntry Entry(string id, int minutes, TimelineKind kind = TimelineKind.Email) =>
        new(id, At.AddMinutes(minutes), kind, id);

    private static EngagementEvent Event(string id, int minutes) =>
        new()
        {
            EventId = id,
            LeadId = Lead.Id,
            Type = EventTypes.PageView,
            OccurredAt = At.AddMinutes(minutes),
            Source = "web",
        };

    private static ConsentRecord Record(string id, int minutes) =>
        new()
        {
            Id = id,
            Action = ConsentAction.Granted,
            At = At.AddMinutes(minutes),
            Source = ConsentSource.Form,
        };
}
