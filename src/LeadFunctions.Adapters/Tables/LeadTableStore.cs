using System.Net;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Tables;

/// <summary>
/// Leads in Azure Tables: one point read finds a lead; one entity-group transaction writes the lead
/// and its new timeline rows (same partition), with the lead's ETag for optimistic concurrency.
/// </summary>
public sealed class LeadTableStore(LeadTables tables) : ILeadStore
{
    public async Task<VersionedLead?> FindAsync(string leadId, CancellationToken cancellationToken)
    {
        var response = await tables.Leads.GetEntityIfExistsAsync<TableEntity>(leadId, LeadEntityMapper.LeadRowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity
            ? new VersionedLead(LeadEntityMapper.ToLead(entity), entity.ETag.ToString())
            : null;
    }

    public async Task<SaveResult> SaveAsync(Lead lead, string? etag, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        var leadEntity = LeadEntityMapper.ToEntity(lead);
        List<TableTransactionAction> actions =
        [
            etag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, leadEntity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, leadEntity, new ETag(etag)),
        ];
        actions.AddRange(entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, LeadEntityMapper.ToEntity(lead.Id, e))));

        try
        {
            await tables.Leads.SubmitTransactionAsync(actions, cancellationToken);
            return SaveResult.Saved;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // A timeline row that exists already means this change was applied before (a redelivered
            // message); anything else is another writer that got to the lead first.
            return ex.Status == (int)HttpStatusCode.Conflict && ex.FailedTransactionActionIndex is > 0
                ? SaveResult.AlreadyApplied
                : SaveResult.Conflict;
        }
    }
}
