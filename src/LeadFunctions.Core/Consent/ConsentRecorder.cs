using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Appends a decision to a person's consent ledger and keeps the lead's consent state derived from it, in one
/// write. For an email that is no lead yet the row is kept in the partition that lead will have, and counts
/// when the person becomes one. Idempotent by <see cref="ConsentRecord.Id"/>.
/// </summary>
public interface IConsentRecorder
{
    Task<ConsentRecordOutcome> RecordAsync(
        string normalizedEmail,
        ConsentRecord record,
        CancellationToken cancellationToken
    );
}

public enum ConsentRecordOutcome
{
    /// <summary>Recorded, and the person's state changed (or the person is no lead yet).</summary>
    Recorded,

    /// <summary>Recorded as evidence; the state was already what it says (a second unsubscribe).</summary>
    NoChange,

    /// <summary>This very record was recorded before (a redelivery).</summary>
    Duplicate,
}

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

/// <summary>
/// Consent changes by the day they were recorded, for İYS (<c>GET /api/consent/iys-export</c>): the export reads
/// the days of its period, not every lead. Written idempotently just before the ledger row, by whoever writes it, and
/// only for a decision that changes the state (<see cref="IysRecords.MustReport"/>).
/// </summary>
public interface IConsentChangeLog
{
    Task AppendAsync(
        string normalizedEmail,
        ConsentRecord record,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken
    );

    IAsyncEnumerable<ConsentChange> ReadAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        CancellationToken cancellationToken
    );
}

public sealed record ConsentChange(string Email, ConsentRecord Record, DateTimeOffset RecordedAt);

/// <summary>
/// A lead from before the consent ledger: the ledger row its consent stands for
/// (<see cref="LeadSnapshot.LegacyConsent"/>) is written with the lead's next write, first of the rows it records.
/// </summary>
public sealed class LegacyConsentSubscriber : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.LegacyConsent;

    public ValueTask<LeadChange> CompleteAsync(
        LeadSnapshot snapshot,
        LeadChange change,
        CancellationToken cancellationToken
    ) =>
        ValueTask.FromResult(
            snapshot.LegacyConsent is { } legacy
                ? change with
                {
                    ConsentRecords = [legacy, .. change.ConsentRecords ?? []],
                }
                : change
        );
}

/// <summary>The request a decision came with: the person's address and browser.</summary>
public sealed record RequestEvidence(string? Ip, string? UserAgent);
