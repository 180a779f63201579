using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Campaigns;

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
