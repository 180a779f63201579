using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Tests.Randomness;
using Named = LeadFunctions.Core.Processing.LeadChangeSubscribers;

namespace LeadFunctions.Core.Tests.Processing;

public class LeadChangeSubscribersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly Lead Lead = new()
    {
        Id = LeadId.FromEmail("ayse@acme.com.tr"),
        Email = "ayse@acme.com.tr",
        Source = "web",
        CreatedAt = Now,
        UpdatedAt = Now,
        LastSubmittedAt = Now,
    };

    private static readonly string[] AllNames =
    [
        Named.LegacyConsent,
        Named.NurturePlanning,
        Named.DueSendIndex,
        Named.WebinarRegistrations,
        Named.CampaignStats,
        Named.Referrals,
        Named.Funnel,
        Named.SalesHandoff,
    ];

    [Fact]
    public void Order_IsTheStatedOne()
    {
        // What a change completes (ledger, enrollments) is decided before what is indexed and counted from it, and the
        // handoff, which writes the lead again, comes last. The due index and the webinar registrations are written
        // before the save, neither from the other.
        string[][] expected =
        [
            [Named.LegacyConsent],
            [Named.NurturePlanning],
            [Named.DueSendIndex, Named.WebinarRegistrations],
            [Named.CampaignStats],
            [Named.Referrals, Named.Funnel],
            [Named.SalesHandoff],
        ];
        Assert.Equal(expected, Named.Order.Select(step => step.ToArray()));
    }

    [Fact]
    public void InOrder_PutsTheSubscribersInTheStatedSteps_WhateverTheRegistrationOrder()
    {
        string[] registered =
        [
            Named.SalesHandoff,
            Named.Funnel,
            Named.LegacyConsent,
            Named.Referrals,
            Named.NurturePlanning,
        ];

        var steps = Named.InOrder(registered.Select(n => new Recording(n, [])));

        Assert.Equal(
            [
                [Named.LegacyConsent],
                [Named.NurturePlanning],
                [Named.Referrals, Named.Funnel],
                [Named.SalesHandoff],
            ],
            steps.Select(step => step.Select(s => s.Name).ToArray())
        );
    }

    [Fact]
    public void InOrder_RefusesANameOutsideTheOrder()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Named.InOrder([new Recording("webinars.follow-up", [])])
        );
        Assert.Contains("'webinars.follow-up'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InOrder_RefusesANameRegisteredTwice()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Named.InOrder([new Recording(Named.Funnel, []), new Recording(Named.Funnel, [])])
        );
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_CallsEachStageInTheStatedOrder()
    {
        var calls = new List<string>();
        var updater = new LeadUpdater(
            new InMemoryLeadStore(),
            [.. AllNames.Reverse().Select(n => new Recording(n, calls))],
            TimeProvider.System,
            new FixedRandom(0.5)
        );

        var outcome = await updater.UpdateAsync(
            Lead.Id,
            s => Task.FromResult<LeadChange?>(LeadChange.Updated(Lead, s.ETag)),
            default
        );

        Assert.Equal(UpdateOutcome.Created, outcome);
        Assert.Equal(
            [
                .. AllNames.Select(n => $"complete {n}"),
                .. AllNames.Select(n => $"before {n}"),
                .. AllNames.Select(n => $"after {n}"),
            ],
            calls
        );
    }

    [Fact]
    public async Task UpdateAsync_TellsTheSubscribersWhenNothingIsSaved()
    {
        var calls = new List<string>();
        var updater = new LeadUpdater(
            new InMemoryLeadStore(),
            [new Recording(Named.Funnel, calls), new Recording(Named.NurturePlanning, calls)],
            TimeProvider.System,
            new FixedRandom(0.5)
        );

        var outcome = await updater.UpdateAsync(Lead.Id, _ => Task.FromResult<LeadChange?>(null), default);

        Assert.Equal(UpdateOutcome.Unchanged, outcome);
        Assert.Equal([$"not saved {Named.NurturePlanning}", $"not saved {Named.Funnel}"], calls);
    }

    /// <summary>Records each call by stage and name, on entry (one step after a save runs at once).</summary>
    private sealed class Recording(string name, List<string> calls) : ILeadChangeSubscriber
    {
        public string Name => name;

        public ValueTask<LeadChange> CompleteAsync(
            LeadSnapshot snapshot,
            LeadChange change,
            CancellationToken cancellationToken
        )
        {
            Record("complete");
            return ValueTask.FromResult(change);
        }

        public Task BeforeSaveAsync(LeadChange change, CancellationToken cancellationToken) => Record("before");

        public Task AfterSaveAsync(
            LeadUpdater updater,
            LeadSnapshot before,
            LeadChange change,
            CancellationToken cancellationToken
        ) => Record("after");

        public Task NotSavedAsync(LeadUpdater updater, LeadSnapshot snapshot, CancellationToken cancellationToken) =>
            Record("not saved");

        private Task Record(string stage)
        {
            lock (calls)
            {
                calls.Add($"{stage} {name}");
            }

            return Task.CompletedTask;
        }
    }
}
