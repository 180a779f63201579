using Azure.Data.Tables;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Adapters.Tables;

/// <summary>Contacts, accounts and opportunities in the Crm table, partitioned by record type.</summary>
public sealed class CrmTableStore(LeadTables tables) : ICrmStore
{
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
            new("opportunity", conversion.OpportunityId)
            {
                ["LeadId"] = lead.Id, ["ContactId"] = conversion.ContactId, ["AccountId"] = conversion.AccountId,
                ["Source"] = lead.Source, ["CreatedAt"] = conversion.At, ["Status"] = "open",
            },
        ];

        // One partition per record type, so three writes; upserts make a retried conversion harmless.
        foreach (var record in records)
        {
            await tables.Crm.UpsertEntityAsync(record, TableUpdateMode.Merge, cancellationToken);
        }
    }
}
