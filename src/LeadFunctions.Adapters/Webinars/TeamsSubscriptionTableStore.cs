using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>The followed Teams webinars in the TeamsSubscriptions table: one partition, a row per webinar id.</summary>
public sealed class TeamsSubscriptionTableStore(LeadTables tables) : ITeamsSubscriptionStore
{
    public const string Partition = "webinar";

    public async Task<TeamsSubscription?> GetAsync(string webinarId, CancellationToken cancellationToken)
    {
        var found = await tables.TeamsSubscriptions.GetEntityIfExistsAsync<TableEntity>(
            Partition,
            webinarId,
            cancellationToken: cancellationToken
        );
        return found.HasValue ? Read(found.Value!) : null;
    }

    public async Task<IReadOnlyList<TeamsSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<TeamsSubscription>();
        await foreach (
            var row in tables.TeamsSubscriptions.QueryAsync<TableEntity>(
                e => e.PartitionKey == Partition,
                cancellationToken: cancellationToken
            )
        )
        {
            rows.Add(Read(row));
        }

        return rows;
    }

    public Task PutAsync(TeamsSubscription subscription, CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, subscription.WebinarId)
        {
            ["SubscriptionId"] = subscription.SubscriptionId,
            ["ExpiresAt"] = subscription.ExpiresAt,
            ["AttendanceReadAt"] = subscription.AttendanceReadAt,
            ["EndedAt"] = subscription.EndedAt,
        };
        WebinarColumns.Write(row, subscription.Webinar);
        return tables.TeamsSubscriptions.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private static TeamsSubscription Read(TableEntity row) =>
        new(
            row.RowKey,
            row.GetString("SubscriptionId"),
            row.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
            WebinarColumns.Read(row, TeamsWebinars.Platform, row.RowKey),
            row.GetDateTimeOffset("AttendanceReadAt"),
            row.GetDateTimeOffset("EndedAt")
        );
}
