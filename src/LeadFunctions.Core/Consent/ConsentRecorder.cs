using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Records a consent decision made outside a submission (an unsubscribe, a confirmation click, a SendGrid
/// event, an import row): the ledger row, the derived state and a timeline line in one write, then the İYS
/// change log.
/// </summary>
public sealed class ConsentRecorder(LeadUpdater updater, IConsentChangeLog changes, TimeProvider time) : IConsentRecorder
{
    public async Task<ConsentRecordOutcome> RecordAsync(string normalizedEmail, ConsentRecord record, CancellationToken cancellationToken)
    {
        var leadId = LeadId.FromEmail(normalizedEmail);
        var changed = false;
        var outcome = await updater.UpdateAsync(leadId, snapshot =>
        {
            var (before, after) = (snapshot.Consent, ConsentLedger.Apply(snapshot.Consent, record));
            changed = after != before;
            return Task.FromResult<LeadChange?>(Change(snapshot, record, before, after, time.GetUtcNow()));
        }, cancellationToken);

        await changes.AppendAsync(normalizedEmail, record, time.GetUtcNow(), cancellationToken);
        return outcome == UpdateOutcome.Duplicate ? ConsentRecordOutcome.Duplicate
            : changed || outcome == UpdateOutcome.Created ? ConsentRecordOutcome.Recorded
            : ConsentRecordOutcome.NoChange;
    }

    /// <summary>The write that records <paramref name="record"/> in the partition, lead or not.</summary>
    public static LeadChange Change(LeadSnapshot snapshot, ConsentRecord record, ConsentState before, ConsentState after, DateTimeOffset now)
    {
        var entry = Entry(record, before, after);
        return snapshot.Lead is { } lead
            ? new LeadChange(snapshot.LeadId, lead with { Consent = after, UpdatedAt = now }, snapshot.ETag, [entry], [], [record])
            : new LeadChange(snapshot.LeadId, null, snapshot.ETag, [entry], [], [record], after);
    }

    public static TimelineEntry Entry(ConsentRecord record, ConsentState before, ConsentState after) => new(
        $"consent|{record.Id}",
        record.At,
        TimelineKind.Consent,
        ConsentLedger.Describe(record, before.For(record.Channel).Status, after.For(record.Channel).Status));
}
