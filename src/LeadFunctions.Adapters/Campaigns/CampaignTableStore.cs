using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// Campaigns as rows of one partition of the Campaigns table, the definition as JSON split over properties
/// "Json", "Json1"… (a string property holds at most 32,768 UTF-16 characters, as for the scoring model).
/// </summary>
public sealed class CampaignTableStore(LeadTables tables) : ICampaignStore
{
    private const string PartitionKey = "campaign";
    private const string JsonProperty = "Json";

    public async Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        var response = await tables.Campaigns.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey,
            campaignId,
            cancellationToken: cancellationToken
        );
        return response.HasValue && response.Value is { } entity ? ToCampaign(entity) : null;
    }

    public async Task<bool> PutAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKey, campaign.Id)
        {
            ["Archived"] = campaign.Archived,
            ["Active"] = campaign.Active,
        };
        JsonColumns.TryWrite(entity, JsonProperty, campaign, int.MaxValue);

        // Add first: a new campaign is one operation, and "new" is what storage says, not a read that another PUT can
        // overtake.
        try
        {
            await tables.Campaigns.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            await tables.Campaigns.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
            return false;
        }
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}");
        var rows = await tables
            .Campaigns.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToCampaign)];
    }

    private static Campaign ToCampaign(TableEntity entity) =>
        JsonColumns.Read<Campaign>(entity, JsonProperty)
        ?? throw new InvalidDataException($"Campaign row {entity.RowKey} holds no campaign.");
}

/// <summary>
/// The campaigns from one query, kept for <see cref="RefreshAfter"/>: every lead change and every send asks, and
/// campaigns change rarely. A write through this instance (<see cref="Invalidate"/>) is seen at once; one made by
/// another instance within <see cref="RefreshAfter"/>. A read that was in flight when <see cref="Invalidate"/> ran
/// is not kept: each read remembers the generation it started in, and only a read of the current generation counts.
/// </summary>
public sealed class CampaignCatalog(ICampaignStore store, TimeProvider time) : ICampaignCatalog, IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private int generation;
    private Snapshot? cached;

    public async ValueTask<IReadOnlyList<Campaign>> ActiveAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Active;

    public async ValueTask<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).ById.GetValueOrDefault(campaignId);

    public void Dispose() => gate.Dispose();

    /// <summary>Forgets what was read, and what is being read now, so the next question reads again.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } other)
            {
                return other;
            }

            var readIn = Volatile.Read(ref generation);
            var readAt = time.GetUtcNow();
            var all = await store.ListAsync(cancellationToken);
            var current = new Snapshot(
                all.ToDictionary(c => c.Id, StringComparer.Ordinal),
                [.. all.Where(c => c.Active && !c.Archived)],
                readAt,
                readIn
            );
            cached = current;
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    private Snapshot? Fresh() =>
        cached is { } snapshot
        && snapshot.Generation == Volatile.Read(ref generation)
        && time.GetUtcNow() - snapshot.ReadAt < RefreshAfter
            ? snapshot
            : null;

    private sealed record Snapshot(
        IReadOnlyDictionary<string, Campaign> ById,
        IReadOnlyList<Campaign> Active,
        DateTimeOffset ReadAt,
        int Generation
    );
}
