namespace LeadFunctions.Core.Intake;

/// <summary>
/// Groups an import's good rows into batches of at most <see cref="ICsvRowQueue{T}.MaxRowsPerMessage"/> rows (the queue
/// sends a batch too big for one message in parts), with a bounded number of sends in flight.
/// </summary>
internal sealed class ImportBatcher<T>(string importId, ICsvRowQueue<T> queue, int maxInFlight)
    where T : class
{
    private readonly List<Task> inFlight = [];
    private List<T> rows = [];
    private int sequence;

    public async Task AddAsync(T row, CancellationToken cancellationToken)
    {
        if (rows.Count == queue.MaxRowsPerMessage)
        {
            await SendAsync(cancellationToken);
        }

        rows.Add(row);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (rows.Count > 0)
        {
            await SendAsync(cancellationToken);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        inFlight.Add(queue.EnqueueAsync(importId, sequence++, rows, cancellationToken));
        rows = [];
        if (inFlight.Count >= maxInFlight)
        {
            await Task.WhenAny(inFlight);
            foreach (var done in inFlight.Where(t => t.IsCompleted).ToList())
            {
                await done;
                inFlight.Remove(done);
            }
        }
    }
}
