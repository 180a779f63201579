using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Applies one submission to the person's lead: merge, enrich, score, stage. Idempotent: the
/// submission's timeline entry is written in the same transaction as the lead, so a redelivered
/// message is recognised and changes nothing.
/// </summary>
public sealed class LeadIntakeProcessor(LeadUpdater updater, ILeadEnricher enricher, ScoringModelSource models, TimeProvider time)
{
    public Task<UpdateOutcome> ProcessAsync(LeadSubmission submission, CancellationToken cancellationToken) =>
        updater.UpdateAsync(LeadId.FromEmail(submission.Email), async snapshot =>
        {
            var now = time.GetUtcNow();
            var merged = LeadMerger.Merge(snapshot.Lead, submission, now);
            var enrichment = await enricher.EnrichAsync(merged.Email, merged.Phone, merged.Country, cancellationToken);
            merged = merged with
            {
                Enrichment = enrichment,
                Phone = enrichment.PhoneE164 ?? merged.Phone,
                Country = enrichment.CountryCode ?? merged.Country,
            };

            var scorer = await models.GetScorerAsync(cancellationToken);
            var (lead, entries) = LeadEvaluator.Evaluate(merged, snapshot.Lead, snapshot.Events, scorer, now, submission.SubmissionId);
            entries.Insert(0, new TimelineEntry(submission.SubmissionId, submission.ReceivedAt, TimelineKind.Submission, $"Submitted via {submission.Source}"));
            return new LeadChange(lead.Id, lead, snapshot.ETag, entries, []);
        }, cancellationToken);
}
