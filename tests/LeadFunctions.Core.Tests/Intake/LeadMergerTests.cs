using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Intake;

public class LeadMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static LeadSubmission Submission(
        DateTimeOffset at,
        string? firstName = null,
        string? company = null,
        bool consent = false
    ) =>
        new()
        {
            SubmissionId = Guid.NewGuid().ToString("N"),
            ReceivedAt = at,
            Email = "ayse@example.com",
            FirstName = firstName,
            Company = company,
            Source = "web",
            ConsentEmail = consent,
        };

    [Fact]
    public void Merge_NoExistingLead_CreatesOneWithDerivedId()
    {
        var lead = LeadMerger.Merge(null, Submission(T0, "Ayşe"), T0);
        Assert.Equal(LeadId.FromEmail("ayse@example.com"), lead.Id);
        Assert.Equal(LifecycleStage.Lead, lead.Stage);
        Assert.Equal(ConsentState.Empty, lead.Consent);
    }

    [Fact]
    public void Merge_EmailOnly_IsASubscriber()
    {
        Assert.Equal(LifecycleStage.Subscriber, LeadMerger.Merge(null, Submission(T0), T0).Stage);
    }

    [Fact]
    public void Merge_NewerSubmission_NonEmptyFieldsWin()
    {
        var first = LeadMerger.Merge(null, Submission(T0, "Ayse", "Acme"), T0);
        var merged = LeadMerger.Merge(first, Submission(T0.AddHours(1), "Ayşe"), T0.AddHours(1));
        Assert.Equal("Ayşe", merged.FirstName);
        Assert.Equal("Acme", merged.Company);
        Assert.Equal(first.CreatedAt, merged.CreatedAt);
    }

    [Fact]
    public void Merge_OlderSubmission_OnlyFillsGaps()
    {
        var current = LeadMerger.Merge(null, Submission(T0, "Ayşe"), T0);
        var merged = LeadMerger.Merge(current, Submission(T0.AddDays(-3), "Ayse", "Acme"), T0.AddHours(1));
        Assert.Equal("Ayşe", merged.FirstName);
        Assert.Equal("Acme", merged.Company);
        Assert.Equal(T0, merged.LastSubmittedAt);
    }

    [Fact]
    public void Merge_StageNeverMovesBackwardsByItself()
    {
        var mql = LeadMerger.Merge(null, Submission(T0, "Ayşe"), T0) with { Stage = LifecycleStage.Mql };
        Assert.Equal(LifecycleStage.Mql, LeadMerger.Merge(mql, Submission(T0.AddHours(1)), T0).Stage);
        var disqualified = mql with { Stage = LifecycleStage.Disqualified };
        Assert.Equal(
            LifecycleStage.Disqualified,
            LeadMerger.Merge(disqualified, Submission(T0.AddHours(1), "A"), T0).Stage
        );
    }
}
