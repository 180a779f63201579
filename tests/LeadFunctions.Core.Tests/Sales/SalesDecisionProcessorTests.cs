using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Core.Tests;

public class SalesDecisionProcessorTests
{
    private readonly Pipeline pipeline = new();
    private readonly RecordingCrmStore crm;
    private readonly SalesDecisionProcessor processor;

    public SalesDecisionProcessorTests()
    {
        crm = new RecordingCrmStore(pipeline.Store);
        processor = new SalesDecisionProcessor(pipeline.Updater, crm, pipeline.Time);
    }

    private Lead NewLead(LifecycleStage stage)
    {
        var now = pipeline.Time.GetUtcNow();
        return new Lead
        {
            Id = LeadId.FromEmail("buyer@acme.com"),
            Email = "buyer@acme.com",
            Company = "Acme",
            Source = "web",
            Stage = stage,
            CreatedAt = now,
            UpdatedAt = now,
            LastSubmittedAt = now,
        };
    }

    private async Task<Lead> StoreAsync(Lead lead)
    {
        var etag = (await pipeline.Store.FindAsync(lead.Id, default))?.ETag;
        Assert.Equal(SaveResult.Saved, await pipeline.Store.SaveAsync(LeadChange.Updated(lead, etag), default));
        return lead;
    }

    [Fact]
    public async Task ApplyAsync_Convert_RecordsBeforeTheLead_StatusAfterIt()
    {
        var lead = await StoreAsync(NewLead(LifecycleStage.Sql));

        var decision = await processor.ApplyAsync(lead.Id, SalesDecisions.Convert, default);

        Assert.Equal(LifecycleStage.Opportunity, pipeline.Store[lead.Id]?.Stage);
        Assert.Equal(
            [nameof(ICrmStore.SaveConversionAsync), nameof(ICrmStore.SaveOpportunityStatusAsync)],
            crm.Writes.Select(w => w.Method)
        );
        Assert.Null(crm.Writes[0].Stored?.Conversion);
        Assert.Equal(decision?.Lead, crm.Writes[1].Stored);
        Assert.Equal(decision?.Lead, crm.Writes[1].Lead);
    }

    [Fact]
    public async Task ApplyAsync_DisqualifyAConvertedLead_TheOpportunityFollowsTheLeadAsWritten()
    {
        var lead = await StoreAsync(NewLead(LifecycleStage.Sql));
        await processor.ApplyAsync(lead.Id, SalesDecisions.Convert, default);
        crm.Writes.Clear();

        var decision = await processor.ApplyAsync(
            lead.Id,
            (l, now) => SalesDecisions.Disqualify(l, "Lost", now),
            default
        );

        var write = Assert.Single(crm.Writes);
        Assert.Equal(nameof(ICrmStore.SaveOpportunityStatusAsync), write.Method);
        Assert.Equal((LifecycleStage.Disqualified, "Lost"), (write.Lead.Stage, write.Lead.DisqualifyReason));
        Assert.Equal(decision?.Lead, write.Stored);
    }

    [Fact]
    public async Task ApplyAsync_RefusedOnALeadWhoseStatusWriteWasLost_RepairsTheOpportunity()
    {
        var lead = await StoreAsync(NewLead(LifecycleStage.Sql));
        var converted = (await processor.ApplyAsync(lead.Id, SalesDecisions.Convert, default))!.Lead!;
        crm.Writes.Clear();

        // The disqualification's lead write landed; its host died before the opportunity's.
        await StoreAsync(
            converted with
            {
                Stage = LifecycleStage.Disqualified,
                DisqualifyReason = "Budget cut",
                UpdatedAt = converted.UpdatedAt.AddMinutes(1),
            }
        );

        var retried = await processor.ApplyAsync(
            lead.Id,
            (l, now) => SalesDecisions.Disqualify(l, "Budget cut", now),
            default
        );

        Assert.NotNull(retried?.Problem);
        var write = Assert.Single(crm.Writes);
        Assert.Equal((LifecycleStage.Disqualified, "Budget cut"), (write.Lead.Stage, write.Lead.DisqualifyReason));
    }

    [Fact]
    public async Task ApplyAsync_ALeadNeverConverted_WritesNothingToTheCrm()
    {
        var lead = await StoreAsync(NewLead(LifecycleStage.Mql));

        var decision = await processor.ApplyAsync(lead.Id, SalesDecisions.Qualify, default);

        Assert.Equal(LifecycleStage.Sql, decision?.Lead?.Stage);
        Assert.Empty(crm.Writes);
    }

    [Theory]
    [InlineData("not-a-lead-id")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task ApplyAsync_NoSuchLead_NullAndNothingWritten(string id)
    {
        Assert.Null(await processor.ApplyAsync(id, SalesDecisions.Convert, default));
        Assert.Empty(crm.Writes);
        Assert.Equal(0, pipeline.Store.Saves);
    }
}
