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

/// <summary>Merges a submission into the person's lead: one person, one lead, whatever the channel. Consent is the
/// ledger's (<see cref="SubmissionConsent"/>).</summary>
public static class LeadMerger
{
    public static Lead Merge(Lead? existing, LeadSubmission submission, DateTimeOffset now)
    {
        if (existing is null)
        {
            return new Lead
            {
                Id = LeadId.FromEmail(submission.Email),
                Email = submission.Email,
                FirstName = submission.FirstName,
                LastName = submission.LastName,
                Company = submission.Company,
                JobTitle = submission.JobTitle,
                Phone = submission.Phone,
                Country = submission.Country,
                Industry = submission.Industry,
                CompanySize = submission.CompanySize,
                Source = submission.Source,
                Stage = InitialStage(submission),
                RecipientType = submission.RecipientType ?? RecipientType.Individual,
                Language = submission.Language,
                ReferredBy = submission.ReferredBy,
                SourceDetail = submission.SourceDetail,
                CreatedAt = now,
                UpdatedAt = now,
                LastSubmittedAt = submission.ReceivedAt,
            };
        }

        // Newer non-empty fields win; a submission older than what is merged already only fills gaps
        // (a CSV import processed late must not overwrite what the person typed yesterday).
        var newer = submission.ReceivedAt >= existing.LastSubmittedAt;
        string? Pick(string? current, string? incoming) =>
            incoming is not null && (newer || current is null) ? incoming : current;

        return existing with
        {
            FirstName = Pick(existing.FirstName, submission.FirstName),
            LastName = Pick(existing.LastName, submission.LastName),
            Company = Pick(existing.Company, submission.Company),
            JobTitle = Pick(existing.JobTitle, submission.JobTitle),
            Phone = Pick(existing.Phone, submission.Phone),
            Country = Pick(existing.Country, submission.Country),
            Industry = Pick(existing.Industry, submission.Industry),
            CompanySize =
                submission.CompanySize is not null && (newer || existing.CompanySize is null)
                    ? submission.CompanySize
                    : existing.CompanySize,
            Stage = LifecycleStages.Furthest(existing.Stage, InitialStage(submission)),
            RecipientType = submission.RecipientType is { } type && newer ? type : existing.RecipientType,
            Language = Pick(existing.Language, submission.Language),
            ReferredBy = existing.ReferredBy ?? submission.ReferredBy,
            UpdatedAt = now,
            LastSubmittedAt = newer ? submission.ReceivedAt : existing.LastSubmittedAt,
        };
    }

    /// <summary>Someone who left only an email subscribed; anyone who told us more is a lead.</summary>
    private static LifecycleStage InitialStage(LeadSubmission submission) =>
        submission.FirstName is null
        && submission.LastName is null
        && submission.Company is null
        && submission.JobTitle is null
            ? LifecycleStage.Subscriber
            : LifecycleStage.Lead;
}
