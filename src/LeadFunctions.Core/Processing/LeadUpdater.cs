using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Core.Processing;

/// <summary>
/// The one read-decide-write loop every lead change goes through: optimistic concurrency with a
/// re-read on conflict, the sales handoff an MQL move decided, sent after the write that decided it, and
/// what the change means for the campaigns (<see cref="NurturePlanner"/>): due sends indexed before the
/// write, stats counted after it; and the indexes outside the partition told after it (<see cref="ILeadChangeObserver"/>).
/// </summary>
public sealed class LeadUpdater(
    ILeadStore store, ISalesHandoffQueue handoffs, NurturePlanner nurture, IDueSendIndex dueSends, ICampaignStats stats,
    IEnumerable<ILeadChangeObserver> observers, TimeProvider time, IRandomSource random)
{
    internal const int MaxAttempts = 8;

    /// <summary>The first wait after a conflict; each next one doubles (5, 10, 20 … 320 ms, at most 0.64 s in all).</summary>
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Applies <paramref name="decide"/> to the current state; null from it means nothing to write.
    /// A <paramref name="known"/> snapshot (read by a scan, or <paramref name="written"/> by the writer's previous
    /// update) saves the first read; <paramref name="written"/> is told the partition as saved when the store gives its new version.
    /// A writer that decides on the lead row alone (<paramref name="leadRowOnly"/>: its enrollments and the latest event of each
    /// type, not the events) reads it with one point read.
    /// </summary>
    public async Task<UpdateOutcome> UpdateAsync(
        string leadId,
        Func<LeadSnapshot, Task<LeadChange?>> decide,
        CancellationToken cancellationToken,
        LeadSnapshot? known = null,
        Action<LeadSnapshot>? written = null,
        bool leadRowOnly = false)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var snapshot = attempt == 1 && known is not null ? known
                : leadRowOnly ? await store.LoadLeadAsync(leadId, cancellationToken)
                : await store.LoadAsync(leadId, cancellationToken);
            var change = await decide(snapshot);
            if (change is { Lead: not null } && snapshot.LegacyConsent is { } legacy)
            {
                // A lead from before the consent ledger: what it had moves onto the ledger with this write.
                change = change with { ConsentRecords = [legacy, .. change.ConsentRecords ?? []] };
            }

            if (change is { Lead: not null })
            {
                change = await nurture.PlanAsync(snapshot, change, cancellationToken);
            }

            if (change is null)
            {
                // Nothing new (often a redelivery); a handoff an earlier delivery decided may still be unsent.
                await SendPendingHandoffAsync(snapshot.Lead, cancellationToken);
                return UpdateOutcome.Unchanged;
            }

            if (change.Lead is { } lead)
            {
                // The lead row carries all the enrollments and the latest event of each type (read or new), whoever writes it.
                change = change with { Lead = lead.WithEventsSeen([.. snapshot.Events, .. change.NewEvents]), Enrollments = snapshot.EnrollmentsAfter(change) };
            }

            if (change.Schedule is { Count: > 0 } schedule)
            {
                // Indexed first: an entry whose write below fails finds no enrollment and is dropped.
                await dueSends.AddAsync(schedule, cancellationToken);
            }

            var (result, etag) = await store.SaveVersionedAsync(change, cancellationToken);
            switch (result)
            {
                case SaveResult.Saved:
                    if (etag is not null && change.Lead is not null)
                    {
                        written?.Invoke(snapshot.After(change, etag));
                    }

                    if (change.Counts is { Count: > 0 } counts)
                    {
                        await stats.AddAsync(counts, cancellationToken);
                    }

                    if (change.Lead is { } saved)
                    {
                        await Task.WhenAll(observers.Select(o => o.OnSavedAsync(snapshot.Lead, saved, cancellationToken)));
                    }

                    // Only the write that decided a handoff sends it; later writers carry the mark along.
                    if (change.Lead?.PendingHandoff != snapshot.Lead?.PendingHandoff)
                    {
                        await SendPendingHandoffAsync(change.Lead, cancellationToken);
                    }

                    return snapshot.Lead is null && change.Lead is not null ? UpdateOutcome.Created : UpdateOutcome.Updated;
                case SaveResult.AlreadyApplied:
                    // The write happened on an earlier delivery, which may have died before sending its handoff.
                    await SendPendingHandoffAsync(snapshot.Lead, cancellationToken);
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

    private async Task SendPendingHandoffAsync(Lead? lead, CancellationToken cancellationToken)
    {
        if (lead?.PendingHandoff is not { } pending)
        {
            return;
        }

        await handoffs.EnqueueAsync(SalesHandoff.For(lead, pending), cancellationToken);

        // Clearing the flag may race with other writers; a flag left set only re-sends a handoff that
        // the sales-handoff function recognises by its id.
        await UpdateAsync(lead.Id, s => Task.FromResult(s.Lead?.PendingHandoff == pending
            ? new LeadChange(lead.Id, s.Lead with { PendingHandoff = null }, s.ETag, [], [])
            : null), cancellationToken);
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
