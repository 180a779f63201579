using System.Net;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Adapters.Sales;

/// <summary>Contacts, accounts and opportunities in the Crm table, partitioned by record type.</summary>
public sealed class CrmTableStore(LeadTables tables) : ICrmStore
{
    private const string OpportunityPartition = "opportunity";
    private const string OpenStatus = "open";
    private const string LostReason = "LostReason";
    private const string ClosedAt = "ClosedAt";
    private const string StatusAt = "StatusAt";

    public async Task SaveConversionAsync(Lead lead, Conversion conversion, CancellationToken cancellationToken)
    {
        TableEntity[] parties =
        [
            new("contact", conversion.ContactId)
            {
                ["LeadId"] = lead.Id,
                ["AccountId"] = conversion.AccountId,
                ["Email"] = lead.Email,
                ["FirstName"] = lead.FirstName,
                ["LastName"] = lead.LastName,
                ["JobTitle"] = lead.JobTitle,
                ["Phone"] = lead.Phone,
            },
            new("account", conversion.AccountId)
            {
                ["Name"] = lead.Company,
                ["Domain"] = lead.Enrichment?.CompanyDomain,
                ["Country"] = lead.Country,
                ["Industry"] = lead.Industry,
            },
        ];

        // One partition per record type, so one write each; upserts make a retried conversion harmless.
        foreach (var party in parties)
        {
            await tables.Crm.UpsertEntityAsync(party, TableUpdateMode.Merge, cancellationToken);
        }

        // The opportunity only once: a conversion retried late (decided on a read from before the lead was
        // converted, and refused on its write) must not reopen an opportunity lost since.
        var opportunity = new TableEntity(OpportunityPartition, conversion.OpportunityId)
        {
            ["LeadId"] = lead.Id,
            ["ContactId"] = conversion.ContactId,
            ["AccountId"] = conversion.AccountId,
            ["Source"] = lead.Source,
            ["CreatedAt"] = conversion.At,
            ["Status"] = OpenStatus,
            [StatusAt] = conversion.At,
        };
        try
        {
            await tables.Crm.AddEntityAsync(opportunity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Created by an earlier attempt of this conversion.
        }
    }

    public async Task SaveOpportunityStatusAsync(Lead lead, CancellationToken cancellationToken)
    {
        if (lead.Conversion is not { } conversion)
        {
            return;
        }

        while (true)
        {
            var found = await tables.Crm.GetEntityIfExistsAsync<TableEntity>(
                OpportunityPartition,
                conversion.OpportunityId,
                cancellationToken: cancellationToken
            );
            if (
                found is not { HasValue: true, Value: { } opportunity }
                || opportunity.GetDateTimeOffset(StatusAt) >= lead.UpdatedAt
            )
            {
                return;
            }

            // Replaced whole, so that reopening drops the reason; against the row's ETag, so that of two
            // decisions writing at once the later one (by StatusAt) stays.
            var (lost, won) = (lead.Stage == LifecycleStage.Disqualified, lead.Stage == LifecycleStage.Customer);
            opportunity["Status"] =
                lost ? "lost"
                : won ? "won"
                : OpenStatus;
            opportunity[StatusAt] = lead.UpdatedAt;
            opportunity.Remove(LostReason);
            opportunity.Remove(ClosedAt);
            if (lost)
            {
                opportunity[LostReason] = lead.DisqualifyReason;
            }

            if (lost || won)
            {
                opportunity[ClosedAt] = lead.UpdatedAt;
            }

            try
            {
                await tables.Crm.UpdateEntityAsync(
                    opportunity,
                    opportunity.ETag,
                    TableUpdateMode.Replace,
                    cancellationToken
                );
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
            {
                // Another decision wrote the status meanwhile: compare again.
            }
        }
    }
}
