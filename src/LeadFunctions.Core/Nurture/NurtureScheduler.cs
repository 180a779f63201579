using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// The nurture timer's work, every <see cref="Period"/>: the due index entries due before <see cref="LookAhead"/> from
/// now, queued on nurture-send to be seen at their due time (the queue's visibility delay, rounded up to a slot of
/// <see cref="SecondsPerSlot"/>), each slot's in as many messages as one host takes at once
/// (<see cref="MessagesPerRun"/>), then taken out of the index. Queued before removed: a crash
/// in between queues them again, and the send function drops what another message already holds. A paused campaign's
/// sends are held instead (<see cref="IDueSendIndex.HoldAsync"/>), before they are removed from the minutes the timer
/// reads, and nobody writes their leads until the campaign is resumed.
/// </summary>
public sealed class NurtureScheduler(
    IDueSendIndex index,
    INurtureSendQueue queue,
    ICampaignCatalog campaigns,
    TimeProvider time,
    IIdGenerator ids
)
{
    /// <summary>
    /// host.json's queue batchSize (HostJsonTests holds them equal): a run's sends spread over this many messages are
    /// all taken at once by one host, so its SendGrid calls go at an even pace for the whole run. More, and the host
    /// would take them in waves (a new batch only once no more than half are running), idle between waves.
    /// </summary>
    public const int MessagesPerRun = 16;

    /// <summary>How often the timer runs (<c>DispatchNurtureSends.Schedule</c>; a test holds them equal): a send
    /// indexed as due at once (a step without delay) waits at most this long for it.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>How far ahead a run queues: past its next run and the one after, so a run that starts late or is
    /// missed (a host handing the timer over) makes no send late.</summary>
    public static readonly TimeSpan LookAhead = 2 * Period;

    /// <summary>How long a message, once visible, waits for a host to look at most: host.json's
    /// queues.maxPollingInterval (HostJsonTests holds them equal; the Functions default, a minute, would make a send
    /// queued ahead that late).</summary>
    public static readonly TimeSpan MaxPollingInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A message costs three queue operations (put, get, delete): a run of fewer than 16 × 16 sends goes in fewer
    /// messages, about 16 sends each, to share them (~0.2 per email).
    /// </summary>
    public const int MinSendsPerMessage = 16;

    /// <summary>
    /// A run's sends are queued this many at a time as the index is read: 500 a message, about what fits in a queue
    /// message's 64 KB (base64) with lead ids of 32 characters. A message that does not fit is split by the queue.
    /// </summary>
    public const int QueuedAtOnce = 8_000;

    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = 0;
        var due = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(now + LookAhead, cancellationToken))
        {
            due.AddRange(page);
            if (due.Count >= QueuedAtOnce)
            {
                queued += await QueueAsync(due, now, cancellationToken);
                due.Clear();
            }
        }

        queued += await QueueAsync(due, now, cancellationToken);
        return queued;
    }

    /// <summary>How many sends each message of <paramref name="count"/> due sends carries at most.</summary>
    public static int SendsPerMessage(int count) =>
        Math.Max((count + MessagesPerRun - 1) / MessagesPerRun, MinSendsPerMessage);

    /// <summary>
    /// The sends of this many seconds share messages: fewer messages (three queue operations each), and more of them
    /// taken at once, so that the senders' writes meet in the group commits. The price: up to this much later.
    /// </summary>
    public const int SecondsPerSlot = 2;

    /// <summary>
    /// The visibility delay that shows a send due at <paramref name="dueAt"/> no earlier than that: nothing for one
    /// due by <paramref name="now"/>, else the time up to it rounded up to whole <see cref="SecondsPerSlot"/> (the
    /// queue counts whole seconds): a send goes at most that much late for it, never early.
    /// </summary>
    public static TimeSpan VisibleAfter(DateTimeOffset dueAt, DateTimeOffset now) =>
        dueAt <= now
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(SecondsPerSlot * Math.Ceiling((dueAt - now).TotalSeconds / SecondsPerSlot));

    private async Task<int> QueueAsync(
        List<IndexedDueSend> due,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        if (due.Count == 0)
        {
            return 0;
        }

        var paused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var campaignId in due.Select(e => e.Send.CampaignId).Distinct(StringComparer.Ordinal))
        {
            if (await campaigns.FindAsync(campaignId, cancellationToken) is { Active: false, Archived: false })
            {
                paused.Add(campaignId);
            }
        }

        var held = due.Where(e => paused.Contains(e.Send.CampaignId)).Select(e => e.Send).Distinct().ToList();
        await index.HoldAsync(held, cancellationToken);

        // A send read twice (written again into a later minute) goes once. Sends seen at the same time share
        // messages; those due by now are all seen at once.
        var seconds = due.Select(e => e.Send)
            .Where(s => !paused.Contains(s.CampaignId))
            .Distinct()
            .OrderBy(s => s.DueAt)
            .GroupBy(s => VisibleAfter(s.DueAt, now));
        await Task.WhenAll(seconds.Select(second => DealAsync([.. second], second.Key, cancellationToken)));
        await index.RemoveAsync(due, cancellationToken);
        return due.Count(e => !paused.Contains(e.Send.CampaignId));
    }

    /// <summary>
    /// Dealt round: each message's n-th send is due about as early as every other message's, so the host sends them
    /// earliest due first, and a send that waited longest waits least in its message.
    /// </summary>
    private Task DealAsync(List<DueSend> ordered, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        var messages = (ordered.Count + SendsPerMessage(ordered.Count) - 1) / SendsPerMessage(ordered.Count);
        return Task.WhenAll(
            Enumerable
                .Range(0, messages)
                .Select(m =>
                    queue.EnqueueAsync(
                        NurtureSendBatch.Of(ids.NewId(), ordered.Where((_, i) => i % messages == m)),
                        visibleAfter,
                        cancellationToken
                    )
                )
        );
    }
}
