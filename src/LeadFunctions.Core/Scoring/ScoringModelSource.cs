namespace LeadFunctions.Core.Scoring;

/// <summary>
/// The scorer for the model in force, re-read at most every <see cref="RefreshInterval"/> so that
/// scoring a lead costs no storage read; a PUT on this host takes effect at once, on others within
/// the interval.
/// </summary>
public sealed class ScoringModelSource(IScoringModelStore store, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private volatile Cached? current;

    public async Task<LeadScorer> GetScorerAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && time.GetUtcNow() - cached.ReadAt < RefreshInterval)
        {
            return cached.Scorer;
        }

        var scorer = new LeadScorer(await store.GetAsync(cancellationToken) ?? DefaultScoringModel.Create());
        current = new Cached(scorer, time.GetUtcNow());
        return scorer;
    }

    public async Task SaveAsync(ScoringModel model, CancellationToken cancellationToken)
    {
        await store.SaveAsync(model, cancellationToken);
        current = new Cached(new LeadScorer(model), time.GetUtcNow());
    }

    /// <summary>One reference, so that readers on other threads never see half an update.</summary>
    private sealed record Cached(LeadScorer Scorer, DateTimeOffset ReadAt);
}

/// <summary>Where the scoring model is kept (one row of the Settings table).</summary>
public interface IScoringModelStore
{
    Task<ScoringModel?> GetAsync(CancellationToken cancellationToken);

    Task SaveAsync(ScoringModel model, CancellationToken cancellationToken);
}
