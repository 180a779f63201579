using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.DataSubjects;

/// <summary>
/// The rows about a person in the tables other than Leads. The CRM rows, the email index's row or entry (in a run of
/// other people's addresses, whose key may be the person's) and the suppression are point reads or reads of one row;
/// the referral, SendGrid event, webinar registration and İYS log rows are found by the lead id or email they carry (a
/// filtered scan of those tables: an export is rare, and those tables are not keyed by person).
/// </summary>
public sealed class DataSubjectTableRecords(LeadTables tables, Leads.LeadEmailIndex emails) : IDataSubjectRecords
{
    public async Task<IReadOnlyList<HeldRecord>> FindAsync(Lead lead, CancellationToken cancellationToken)
    {
        var found = new List<HeldRecord>();
        if (lead.Conversion is { } conversion)
        {
            foreach (
                var (partition, row) in new[]
                {
                    ("contact", conversion.ContactId),
                    ("account", conversion.AccountId),
                    ("opportunity", conversion.OpportunityId),
                }
            )
            {
                await AddAsync(
                    found,
                    TableNames.Crm,
                    tables.Crm,
                    TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey eq {row}"),
                    cancellationToken
                );
            }
        }

        await AddAsync(
            found,
            TableNames.Referrals,
            tables.Referrals,
            TableClient.CreateQueryFilter($"PartitionKey eq {lead.Id} or RowKey eq {lead.Id}"),
            cancellationToken
        );
        await AddAsync(
            found,
            TableNames.MailEvents,
            tables.MailEvents,
            TableClient.CreateQueryFilter($"LeadId eq {lead.Id}"),
            cancellationToken
        );
        await AddAsync(
            found,
            TableNames.ConsentChanges,
            tables.ConsentChanges,
            TableClient.CreateQueryFilter($"Email eq {lead.Email}"),
            cancellationToken
        );
        await AddAsync(
            found,
            TableNames.WebinarRegistrations,
            tables.WebinarRegistrations,
            TableClient.CreateQueryFilter($"RowKey eq {lead.Id}"),
            cancellationToken
        );
        var (emailPartition, emailRow) = Leads.LeadEmailIndex.KeyOf(lead.Email);
        await AddAsync(
            found,
            TableNames.LeadEmails,
            tables.LeadEmails,
            TableClient.CreateQueryFilter($"PartitionKey eq {emailPartition} and RowKey eq {emailRow}"),
            cancellationToken
        );
        if (await emails.FindFoldedAsync(lead.Email, cancellationToken) is var (runPartition, run, leadId))
        {
            found.Add(
                new HeldRecord(
                    TableNames.LeadEmailBlocks,
                    runPartition,
                    run,
                    new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["Email"] = emailRow,
                        ["LeadId"] = leadId,
                    }
                )
            );
        }

        await AddAsync(
            found,
            TableNames.Suppressions,
            tables.Suppressions,
            TableClient.CreateQueryFilter($"PartitionKey eq {SuppressionKey.For(lead.Email)}"),
            cancellationToken
        );
        return found;
    }

    private static async Task AddAsync(
        List<HeldRecord> found,
        string name,
        TableClient table,
        string filter,
        CancellationToken cancellationToken
    )
    {
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var values = row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                .ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
            found.Add(new HeldRecord(name, row.PartitionKey, row.RowKey, values));
        }
    }
}
