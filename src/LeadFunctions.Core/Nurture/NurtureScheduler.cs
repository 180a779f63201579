using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// The nurture timer's work: the due index entries due by now, queued on nurture-send in as many messages as one
/// host takes at once (<see cref="MessagesPerRun"/>), then taken out of the index, and the cursor moved on. Queued
/// before removed: a crash in between queues them again, and the send function drops what another message already holds.
/// </summary>
public sealed class NurtureScheduler(IDueSendIndex index, INurtureSendQueue queue, TimeProvider time)
{
    /// <summary>
    /// host.json's queue batchSize (HostJsonTests holds them equal): a run's sends spread over this many messages are
    /// all taken at once by one host, so its SendGrid calls go at an even pace for the whole run. More, and the host
    /// would take them in waves (a new batch only once no more than half are running), idle between waves.
    /// </summary>
    public const int MessagesPerRun = 16;

    /// <summary>
    /// A message costs three queue operations (put, get, delete): at least 16 sends share them (~0.2 per email).
    /// </summary>
    public const int MinSendsPerMessage = 16;

    /// <summary>
    /// At most 270 bytes a send (ids of 64 characters): 150 sends stay within a queue message's 64 KB once base64-encoded, and within
    /// half a minute of SendGrid calls, so a retried message repeats little. A bigger run goes in more messages.
    /// </summary>
    public const int MaxSendsPerMessage = 150;

    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = 0;
        var due = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(now, cancellationToken))
        {
            due.AddRange(page);
            if (due.Count >= MessagesPerRun * MaxSendsPerMessage)
            {
                queued += await QueueAsync(due, now, cancellationToken);
                due.Clear();
            }
        }

        queued += await QueueAsync(due, now, cancellationToken);
        await index.AdvanceAsync(now, cancellationToken);
        return queued;
    }

    /// <summary>How many sends each message of <paramref name="count"/> due sends carries.</summary>
    public static int SendsPerMessage(int count) => Math.Clamp((count + MessagesPerRun - 1) / MessagesPerRun, MinSendsPerMessage, MaxSendsPerMessage);

    private async Task<int> QueueAsync(List<IndexedDueSend> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(due.Chunk(SendsPerMessage(due.Count)).Select(chunk =>
            queue.EnqueueAsync(new NurtureSendBatch(Guid.CreateVersion7(now).ToString("N"), [.. chunk.Select(e => e.Send)]), cancellationToken)));
        await index.RemoveAsync(due, cancellationToken);
        return due.Count;
    }
}
