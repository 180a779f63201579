using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Telemetry;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Applies one submission to the person's lead: merge, enrich, score, stage, consent. Idempotent: the
/// submission's timeline entry is written in the same transaction as the lead, so a redelivered
/// message is recognised and changes nothing. A grant that waits for double opt-in asks for its
/// confirmation email after the write (again on a redelivery, which the sender recognises).
/// </summary>
public sealed class LeadIntakeProcessor(
    LeadUpdater updater,
    ILeadEnricher enricher,
    ScoringModelSource models,
    ConsentSettings consent,
    IConsentChangeLog consentChanges,
    IConsentConfirmationQueue confirmations,
    TimeProvider time
)
{
    public async Task<UpdateOutcome> ProcessAsync(LeadSubmission submission, CancellationToken cancellationToken)
    {
        ConsentRecord? record = null;
        var outcome = await updater.UpdateAsync(
            LeadId.FromEmail(submission.Email),
            async snapshot =>
            {
                var now = time.GetUtcNow();
                var merged = LeadMerger.Merge(snapshot.Lead, submission, now);
                var enrichment = await enricher.EnrichAsync(
                    merged.Email,
                    merged.Phone,
                    merged.Country,
                    cancellationToken
                );
                merged = merged with
                {
                    Enrichment = enrichment,
                    Phone = enrichment.PhoneE164 ?? merged.Phone,
                    Country = enrichment.CountryCode ?? merged.Country,
                };

                // An unticked box records nothing; a ticked one is fresh consent, even after a withdrawal.
                record = SubmissionConsent.RecordFor(submission, merged.Country, consent.DoubleOptIn);
                var after = record is null ? snapshot.Consent : ConsentLedger.Apply(snapshot.Consent, record);
                merged = merged with { Consent = after };
                if (record is not null && IysRecords.MustReport(record, snapshot.Consent, after))
                {
                    // Logged before the lead's write (as ConsentRecorder does): a redelivery finds the consent applied
                    // and logs nothing.
                    await consentChanges.AppendAsync(
                        submission.Email,
                        record,
                        submission.ReceivedAt,
                        cancellationToken
                    );
                }

                // Recorded once: a redelivered submission finds its engagement among the lead's events.
                var engagement =
                    submission.Engagement is { } e && snapshot.Events.All(s => s.EventId != e.EventId) ? e : null;
                var scorer = await models.GetScorerAsync(cancellationToken);
                var (lead, entries) = LeadEvaluator.Evaluate(
                    merged,
                    snapshot.Lead,
                    engagement is null ? snapshot.Events : [.. snapshot.Events, engagement],
                    scorer,
                    now,
                    submission.SubmissionId
                );
                entries.Insert(
                    0,
                    new TimelineEntry(
                        submission.SubmissionId,
                        submission.ReceivedAt,
                        TimelineKind.Submission,
                        $"Submitted via {submission.Source}"
                    )
                );
                if (record is not null)
                {
                    entries.Add(ConsentRecorder.Entry(record, snapshot.Consent, after));
                }

                return LeadChange.Submitted(lead, snapshot.ETag, entries, record) with
                {
                    NewEvents = engagement is null ? [] : [engagement],
                };
            },
            cancellationToken
        );

        if (record is { Action: ConsentAction.Pending })
        {
            await confirmations.EnqueueAsync(
                new ConfirmationRequest(LeadId.FromEmail(submission.Email), record.Id),
                cancellationToken
            );
        }

        LeadTelemetry.LeadsProcessed.Add(1);
        return outcome;
    }
}
