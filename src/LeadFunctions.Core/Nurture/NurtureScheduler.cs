using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// The nurture timer's work: the due index entries due by now, queued on nurture-send in messages of
/// <see cref="SendsPerMessage"/>, then taken out of the index, and the cursor moved on. Queued before removed: a
/// crash in between queues them again, and the send function drops what another message already holds.
/// </summary>
public sealed class NurtureScheduler(IDueSendIndex index, INurtureSendQueue queue, TimeProvider time)
{
    /// <summary>
    /// A message costs three queue operations (put, get, delete): 16 sends share them (~0.2 per email) while one
    /// message's work stays small, a couple of seconds of SendGrid calls one after another, so messages spread over
    /// instances and a retried message repeats little. A message of 16 sends is about 3 KB, far below the 64 KB limit.
    /// </summary>
    public const int SendsPerMessage = 16;

    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = 0;
        await foreach (var page in index.ReadDueAsync(now, cancellationToken))
        {
            await Task.WhenAll(page.Chunk(SendsPerMessage).Select(chunk =>
                queue.EnqueueAsync(new NurtureSendBatch(Guid.CreateVersion7(now).ToString("N"), [.. chunk.Select(e => e.Send)]), cancellationToken)));
            await index.RemoveAsync(page, cancellationToken);
            queued += page.Count;
        }

        await index.AdvanceAsync(now, cancellationToken);
        return queued;
    }
}
