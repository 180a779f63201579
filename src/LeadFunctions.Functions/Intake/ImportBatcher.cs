using System.Text.Json;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Intake;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// Groups imported rows into <see cref="ImportBatch"/> messages of at most 100 rows and about 40 KB
/// of JSON (base64 makes that ~54 KB, under the queue's 64 KiB), with a bounded number of sends in flight.
/// </summary>
internal sealed class ImportBatcher(string importId, IImportBatchQueue queue, int maxInFlight)
{
    private const int MaxJsonBytes = 40_000;
    private readonly List<Task> inFlight = [];
    private List<LeadSubmission> rows = [];
    private int bytes;
    private int sequence;

    public async Task AddAsync(LeadSubmission submission, CancellationToken cancellationToken)
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(submission, JsonDefaults.Options).Length;
        if (rows.Count == ImportBatch.MaxRows || bytes + size > MaxJsonBytes)
        {
            await SendAsync(cancellationToken);
        }

        rows.Add(submission);
        bytes += size;
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
        inFlight.Add(queue.EnqueueAsync(new ImportBatch(importId, sequence++, rows), cancellationToken));
        (rows, bytes) = ([], 0);
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
