using Azure;
using Azure.Data.Tables;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Adapters.Tables;

/// <summary>Contacts, accounts and opportunities in the Crm table, partitioned by record type.</summary>
public sealed class CrmTableStore(LeadTables tables) : ICrmStore
{
    private const string OpportunityPartition = "opportunity";
    private const string OpenStatus = "open";
    private const string LostReason = "LostReason";
    private const string ClosedAt = "ClosedAt";

    public async Task SaveConversionAsync(Lead lead, Conversion conversion, CancellationToken cancellationToken)
    {
        TableEntity[] records =
        [
            new("contact", conversion.ContactId)
            {
                ["LeadId"] = lead.Id, ["AccountId"] = conversion.AccountId, ["Email"] = lead.Email,
                ["FirstName"] = lead.FirstName, ["LastName"] = lead.LastName, ["JobTitle"] = lead.JobTitle, ["Phone"] = lead.Phone,
            },
            new("account", conversion.AccountId)
            {
                ["Name"] = lead.Company, ["Domain"] = lead.Enrichment?.CompanyDomain, ["Country"] = lead.Country, ["Industry"] = lead.Industry,
            },
            new(OpportunityPartition, conversion.OpportunityId)
            {
                ["LeadId"] = lead.Id, ["ContactId"] = conversion.ContactId, ["AccountId"] = conversion.AccountId,
                ["Source"] = lead.Source, ["CreatedAt"] = conversion.At, ["Status"] = OpenStatus,
            },
        ];

        // One partition per record type, so three writes; upserts make a retried conversion harmless.
        foreach (var record in records)
        {
            await tables.Crm.UpsertEntityAsync(record, TableUpdateMode.Merge, cancellationToken);
        }
    }

    public async Task SaveOpportunityStatusAsync(Lead lead, CancellationToken cancellationToken)
    {
        var found = lead.Conversion is { } conversion
            ? await tables.Crm.GetEntityIfExistsAsync<TableEntity>(OpportunityPartition, conversion.OpportunityId, cancellationToken: cancellationToken)
            : null;
        if (found is not { HasValue: true, Value: { } opportunity })
        {
            return;
        }

        // Replaced whole (the lead's own write decides between racing decisions), so reopening drops the reason.
        var lost = lead.Stage == LifecycleStage.Disqualified;
        opportunity["Status"] = lost ? "lost" : OpenStatus;
        opportunity.Remove(LostReason);
        opportunity.Remove(ClosedAt);
        if (lost)
        {
            opportunity[LostReason] = lead.DisqualifyReason;
            opportunity[ClosedAt] = lead.UpdatedAt;
        }

        await tables.Crm.UpdateEntityAsync(opportunity, ETag.All, TableUpdateMode.Replace, cancellationToken);
    }
}
