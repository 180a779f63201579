using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Scoring;

/// <summary>
/// Recomputes the score of every lead in a part of a pass from its events, so that engagement decays
/// even for people who do nothing, and a changed model reaches every lead. Only leads whose score, grade
/// or stage changed are written, so a part done again writes nothing for the leads it had done (their
/// rows already hold the new score, written with any timeline entry in one transaction). Decay moves an
/// engaged lead's score a little most nights, so the timeline gets an entry only for a grade or stage
/// move (not one line per lead per night); the lead row always carries the current score. A lead that
/// cannot be written (storage errors past the SDK's retries, a lead that keeps changing) is counted and
/// the part goes on; the caller decides what to do about it.
/// </summary>
public sealed class LeadRescorer(ILeadStore store, LeadUpdater updater, ScoringModelSource models, TimeProvider time)
{
    /// <summary>Leads of one part rescored at once; a host takes up to a queue batch (16) of parts at a time.</summary>
    public const int Parallelism = 4;

    public async Task<RescoreSummary> RescoreAsync(RescorePart part, CancellationToken cancellationToken)
    {
        var scorer = await models.GetScorerAsync(cancellationToken);
        var scanned = 0;
        var changed = 0;
        var failed = 0;
        Exception? firstFailure = null;
        await Parallel.ForEachAsync(
            Leads(store.ScanAsync(part.Range, cancellationToken)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (snapshot, ct) =>
            {
                Interlocked.Increment(ref scanned);
                UpdateOutcome outcome;
                try
                {
                    outcome = await updater.UpdateAsync(
                        snapshot.LeadId,
                        current => Task.FromResult(Rescore(current, scorer, part.Cause)),
                        ct,
                        snapshot
                    );
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, ex, null);
                    return;
                }

                if (outcome == UpdateOutcome.Updated)
                {
                    Interlocked.Increment(ref changed);
                }
            }
        );
        return new RescoreSummary(scanned, changed, failed, firstFailure);
    }

    private LeadChange? Rescore(LeadSnapshot current, LeadScorer scorer, string cause)
    {
        if (current.Lead is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var (lead, entries) = LeadEvaluator.Evaluate(current.Lead, current.Lead, current.Events, scorer, now, cause);
        if (lead.Grade == current.Lead.Grade)
        {
            entries.RemoveAll(e => e.Kind == TimelineKind.Score);
        }

        return entries.Count == 0 && lead.Score == current.Lead.Score && lead.Temperature == current.Lead.Temperature
            ? null
            : LeadChange.Updated(lead with { UpdatedAt = now }, current.ETag, entries);
    }

    private static async IAsyncEnumerable<LeadSnapshot> Leads(IAsyncEnumerable<LeadSnapshot> snapshots)
    {
        await foreach (var snapshot in snapshots)
        {
            if (snapshot.Lead is not null)
            {
                yield return snapshot;
            }
        }
    }
}

public sealed record RescoreSummary(int Scanned, int Changed, int Failed = 0, Exception? FirstFailure = null);
