namespace LeadFunctions.Core.Scoring;

/// <summary>
/// The scorer for the model in force, re-read at most every <see cref="RefreshInterval"/> so that
/// scoring a lead costs no storage read; a PUT on this host takes effect at once, on others within
/// the interval.
/// </summary>
public sealed class ScoringModelSource(IScoringModelStore store, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private (LeadScorer Scorer, DateTimeOffset ReadAt)? current;

    public async Task<LeadScorer> GetScorerAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && time.GetUtcNow() - cached.ReadAt < RefreshInterval)
        {
            return cached.Scorer;
        }

        var scorer = new LeadScorer(await store.GetAsync(cancellationToken) ?? DefaultScoringModel.Create());
        current = (scorer, time.GetUtcNow());
        return scorer;
    }

    public async Task SaveAsync(ScoringModel model, CancellationToken cancellationToken)
    {
        await store.SaveAsync(model, cancellationToken);
        current = (new LeadScorer(model), time.GetUtcNow());
    }
}
