using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Records a consent decision made outside a submission (an unsubscribe, a confirmation click, a SendGrid
/// event, an import row): the ledger row, the derived state and a timeline line in one write, and (just before
/// it) the İYS change log when the decision changed the state (<see cref="IysRecords.MustReport"/>).
/// </summary>
public sealed class ConsentRecorder(LeadUpdater updater, IConsentChangeLog changes, TimeProvider time)
    : IConsentRecorder
{
    public async Task<ConsentRecordOutcome> RecordAsync(
        string normalizedEmail,
        ConsentRecord record,
        CancellationToken cancellationToken
    )
    {
        var leadId = LeadId.FromEmail(normalizedEmail);
        var changed = false;
        var outcome = await updater.UpdateAsync(
            leadId,
            async snapshot =>
            {
                var recorded = OfThePerson(record, snapshot);
                var (before, after) = (snapshot.Consent, ConsentLedger.Apply(snapshot.Consent, recorded));
                changed = after != before;
                if (IysRecords.MustReport(recorded, before, after))
                {
                    // Logged before the ledger row: once that is written, a retry finds nothing changed and would log
                    // nothing.
                    await changes.AppendAsync(normalizedEmail, recorded, time.GetUtcNow(), cancellationToken);
                }

                return Change(snapshot, recorded, before, after, time.GetUtcNow());
            },
            cancellationToken
        );

        return outcome == UpdateOutcome.Duplicate ? ConsentRecordOutcome.Duplicate
            : changed || outcome == UpdateOutcome.Created ? ConsentRecordOutcome.Recorded
            : ConsentRecordOutcome.NoChange;
    }

    /// <summary>A SendGrid event names an address, not a recipient type: its withdrawal is recorded with the type the
    /// person has.</summary>
    private static ConsentRecord OfThePerson(ConsentRecord record, LeadSnapshot snapshot) =>
        record.Source == ConsentSource.SendGridEvent && snapshot.Lead is { } lead
            ? record with
            {
                RecipientType = lead.RecipientType,
            }
            : record;

    /// <summary>The write that records <paramref name="record"/> in the partition, lead or not.</summary>
    public static LeadChange Change(
        LeadSnapshot snapshot,
        ConsentRecord record,
        ConsentState before,
        ConsentState after,
        DateTimeOffset now
    )
    {
        var entry = Entry(record, before, after);
        return snapshot.Lead is { } lead
            ? LeadChange.ConsentRecorded(lead with { Consent = after, UpdatedAt = now }, snapshot.ETag, entry, record)
            : LeadChange.ConsentKept(snapshot.LeadId, snapshot.ETag, entry, record, after);
    }

    public static TimelineEntry Entry(ConsentRecord record, ConsentState before, ConsentState after) =>
        new(
            $"consent|{record.Id}",
            record.At,
            TimelineKind.Consent,
            ConsentLedger.Describe(record, before.For(record.Channel).Status, after.For(record.Channel).Status)
        );
}
