using System.Text.Json;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Groups an import's good rows into messages of at most <see cref="ICsvRows{T}.MaxRowsPerMessage"/> rows and
/// about 40 KB of JSON (base64 makes that ~54 KB, under the queue's 64 KiB), with a bounded number of sends in flight.
/// </summary>
internal sealed class ImportBatcher<T>(string importId, ICsvRows<T> import, int maxInFlight)
    where T : class
{
    private const int MaxJsonBytes = 40_000;
    private readonly List<Task> inFlight = [];
    private List<T> rows = [];
    private int bytes;
    private int sequence;

    public async Task AddAsync(T row, CancellationToken cancellationToken)
    {
        var size = JsonSerializer.SerializeToUtf8Bytes(row, JsonDefaults.Options).Length;
        if (rows.Count == import.MaxRowsPerMessage || bytes + size > MaxJsonBytes)
        {
            await SendAsync(cancellationToken);
        }

        rows.Add(row);
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
        inFlight.Add(import.EnqueueAsync(importId, sequence++, rows, cancellationToken));
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
