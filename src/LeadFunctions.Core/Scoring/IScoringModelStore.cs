namespace LeadFunctions.Core.Scoring;

/// <summary>Where the scoring model is kept (one row of the Settings table).</summary>
public interface IScoringModelStore
{
    Task<ScoringModel?> GetAsync(CancellationToken cancellationToken);

    Task SaveAsync(ScoringModel model, CancellationToken cancellationToken);
}
