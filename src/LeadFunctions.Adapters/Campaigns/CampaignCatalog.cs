using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// The campaigns from one query, kept for <see cref="RefreshAfter"/>: every lead change and every send asks, and
/// campaigns change rarely. A write through this instance (<see cref="Invalidate"/>) is seen at once; one made by
/// another instance within <see cref="RefreshAfter"/>.
/// </summary>
public sealed class CampaignCatalog(ICampaignStore store, TimeProvider time) : ICampaignCatalog, IDisposable
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (IReadOnlyDictionary<string, Campaign> ById, IReadOnlyList<Campaign> Active, DateTimeOffset ReadAt)? cached;

    public async ValueTask<IReadOnlyList<Campaign>> ActiveAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Active;

    public async ValueTask<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).ById.GetValueOrDefault(campaignId);

    public void Dispose() => gate.Dispose();

    /// <summary>Forgets what was read, so the next question reads again.</summary>
    public void Invalidate() => cached = null;

    private async ValueTask<(IReadOnlyDictionary<string, Campaign> ById, IReadOnlyList<Campaign> Active, DateTimeOffset ReadAt)> CurrentAsync(CancellationToken cancellationToken)
    {
        if (cached is { } fresh && time.GetUtcNow() - fresh.ReadAt < RefreshAfter)
        {
            return fresh;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } other && time.GetUtcNow() - other.ReadAt < RefreshAfter)
            {
                return other;
            }

            var readAt = time.GetUtcNow();
            var all = await store.ListAsync(cancellationToken);
            var current = (all.ToDictionary(c => c.Id, StringComparer.Ordinal), (IReadOnlyList<Campaign>)[.. all.Where(c => c.Active && !c.Archived)], readAt);
            cached = current;
            return current;
        }
        finally
        {
            gate.Release();
        }
    }
}
