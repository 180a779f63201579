using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Processing;

/// <summary>
/// The one read-decide-write loop every lead change goes through: optimistic concurrency with a re-read on conflict,
/// and what follows from a change left to the features' subscribers (<see cref="ILeadChangeSubscriber"/>), called in
/// the order <see cref="LeadChangeSubscribers.Order"/> states: inside the write, just before each save, after a save,
/// or when nothing was saved.
/// </summary>
public sealed class LeadUpdater(
    ILeadStore store,
    IEnumerable<ILeadChangeSubscriber> subscribers,
    TimeProvider time,
    IRandomSource random
)
{
    private readonly IReadOnlyList<IReadOnlyList<ILeadChangeSubscriber>> steps = LeadChangeSubscribers.InOrder(
        subscribers
    );

    internal const int MaxAttempts = 8;

    /// <summary>The first wait after a conflict; each next one doubles (5, 10, 20 … 320 ms, at most 0.64 s in
    /// all).</summary>
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Applies <paramref name="decide"/> to the current state; null from it means nothing to write.
    /// A <paramref name="known"/> snapshot (read by a scan, or <paramref name="written"/> by the writer's previous
    /// update) saves the first read; <paramref name="written"/> is told the partition as saved when the store gives its
    /// new version. A writer that decides on the lead row alone (<paramref name="leadRowOnly"/>: its enrollments and
    /// the latest event of each type, not the events) reads it with one point read.
    /// </summary>
    public async Task<UpdateOutcome> UpdateAsync(
        string leadId,
        Func<LeadSnapshot, Task<LeadChange?>> decide,
        CancellationToken cancellationToken,
        LeadSnapshot? known = null,
        Action<LeadSnapshot>? written = null,
        bool leadRowOnly = false
    )
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var snapshot =
                attempt == 1 && known is not null ? known
                : leadRowOnly ? await store.LoadLeadAsync(leadId, cancellationToken)
                : await store.LoadAsync(leadId, cancellationToken);
            var change = await decide(snapshot);
            if (change is { Lead: not null })
            {
                change = await CompleteAsync(snapshot, change, cancellationToken);
            }

            if (change is null)
            {
                // Nothing new (often a redelivery); what an earlier delivery decided may still be to follow.
                await NotSavedAsync(snapshot, cancellationToken);
                return UpdateOutcome.Unchanged;
            }

            if (change.Lead is { } lead)
            {
                // The lead row carries all the enrollments and the latest event of each type (read or new), whoever
                // writes it.
                change = change with
                {
                    Lead = lead.WithEventsSeen([.. snapshot.Events, .. change.NewEvents]),
                    Enrollments = snapshot.EnrollmentsAfter(change),
                };
            }

            // The row that versions the partition carries its newest activity, whoever writes it.
            change = change with { Recent = snapshot.Recent?.After(change) };
            foreach (var subscriber in steps.SelectMany(step => step))
            {
                await subscriber.BeforeSaveAsync(change, cancellationToken);
            }

            var (result, etag) = await store.SaveVersionedAsync(change, cancellationToken);
            switch (result)
            {
                case SaveResult.Saved:
                    if (etag is not null && change.Lead is not null)
                    {
                        written?.Invoke(snapshot.After(change, etag));
                    }

                    foreach (var step in steps)
                    {
                        await Task.WhenAll(
                            step.Select(s => s.AfterSaveAsync(this, snapshot, change, cancellationToken))
                        );
                    }

                    return snapshot.Lead is null && change.Lead is not null
                        ? UpdateOutcome.Created
                        : UpdateOutcome.Updated;
                case SaveResult.AlreadyApplied:
                    // The write happened on an earlier delivery, which may have died before what follows it.
                    await NotSavedAsync(snapshot, cancellationToken);
                    return UpdateOutcome.Duplicate;
            }

            if (attempt < MaxAttempts)
            {
                // Writers that met on one lead (a burst of events for one person in one batch) spread out
                // instead of meeting again at once: a random wait between half and all of a doubling backoff.
                var backoff = FirstBackoff * (1 << (attempt - 1));
                await Task.Delay(backoff * (0.5 + (random.NextDouble() / 2)), time, cancellationToken);
            }
        }

        throw new ConcurrencyException($"Lead {leadId} kept changing under {MaxAttempts} attempts to update it.");
    }

    /// <summary>
    /// Records <paramref name="entry"/> on the lead's timeline, with its row (which carries the newest entries) read by
    /// one point read; false when there is no lead or the entry was recorded before.
    /// </summary>
    public async Task<bool> NoteAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken) =>
        await UpdateAsync(
            leadId,
            s => Task.FromResult(s.Lead is { } lead ? LeadChange.Updated(lead, s.ETag, entry) : null),
            cancellationToken,
            leadRowOnly: true
        ) == UpdateOutcome.Updated;

    private async ValueTask<LeadChange> CompleteAsync(
        LeadSnapshot snapshot,
        LeadChange change,
        CancellationToken cancellationToken
    )
    {
        foreach (var subscriber in steps.SelectMany(step => step))
        {
            change = await subscriber.CompleteAsync(snapshot, change, cancellationToken);
        }

        return change;
    }

    private async Task NotSavedAsync(LeadSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            await Task.WhenAll(step.Select(s => s.NotSavedAsync(this, snapshot, cancellationToken)));
        }
    }
}

public enum UpdateOutcome
{
    Created,
    Updated,
    Duplicate,
    Unchanged,
}

public sealed class ConcurrencyException(string message) : Exception(message);

/// <summary>
/// A feature's part in every lead write, registered by the feature and called by <see cref="LeadUpdater"/> at each
/// stage of the write in the order <see cref="LeadChangeSubscribers.Order"/> states. Each stage runs again on every
/// attempt and every redelivery, so what a subscriber does there must be idempotent.
/// </summary>
public interface ILeadChangeSubscriber
{
    /// <summary>Its name in <see cref="LeadChangeSubscribers.Order"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Inside the write: completes a decided change that writes the lead row, whose result is written as one
    /// transaction with it (ledger rows, enrollments). Not called when nothing is to be written or no lead row is.
    /// </summary>
    ValueTask<LeadChange> CompleteAsync(
        LeadSnapshot snapshot,
        LeadChange change,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(change);

    /// <summary>
    /// Just before each attempt to save the complete change: what lives outside the partition and must not lag it.
    /// </summary>
    Task BeforeSaveAsync(LeadChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After the save succeeded (never after a repeat): what follows from the change outside the partition.
    /// </summary>
    Task AfterSaveAsync(
        LeadUpdater updater,
        LeadSnapshot before,
        LeadChange change,
        CancellationToken cancellationToken
    ) => Task.CompletedTask;

    /// <summary>
    /// When nothing was saved: the decision found nothing new, or an earlier delivery had written the change (and may
    /// have died before what follows it).
    /// </summary>
    Task NotSavedAsync(LeadUpdater updater, LeadSnapshot snapshot, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
