using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using LeadFunctions.Core.Health;

namespace LeadFunctions.Adapters.Health;

/// <summary>
/// Counts every request the Azure SDK clients send to storage (each try of a retried request
/// counts), as the "storage.operations" metric and as a running total the benchmark reads.
/// Storage is billed per operation, so this is the figure the cost of a lead is measured in.
/// It also counts the table rows each answer carried, per table: what a query costs the service
/// and the caller, and how the benchmark shows that the nurture timer reads the due sends and no more.
/// </summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy, IStorageUsage, IDisposable
{
    public const string MeterName = "LeadFunctions.Storage";
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> operations;
    private readonly ConcurrentDictionary<string, long> rowsRead = new(StringComparer.Ordinal);
    private long total;

    public StorageOperationCounter() =>
        operations = meter.CreateCounter<long>("storage.operations", description: "Requests sent to Azure Storage");

    public long Total => Interlocked.Read(ref total);

    /// <summary>Table rows read since the process started, by physical table name.</summary>
    public IReadOnlyDictionary<string, long> RowsRead => rowsRead.ToDictionary(StringComparer.Ordinal);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref total);
        operations.Add(
            1,
            new KeyValuePair<string, object?>("method", message.Request.Method.Method),
            new KeyValuePair<string, object?>("host", message.Request.Uri.Host)
        );
    }

    /// <summary>
    /// A table read is a GET of "…/{table}()" (a query) or "…/{table}(PartitionKey=…,RowKey=…)" (one entity),
    /// answered with JSON; queue and blob paths carry no parenthesis. Table answers are buffered by then,
    /// so counting reads memory, not the network.
    /// </summary>
    public override void OnReceivedResponse(HttpMessage message)
    {
        if (
            message.Request.Method != RequestMethod.Get
            || message.Response.Status != 200
            || message.Response.ContentStream is not MemoryStream
        )
        {
            return;
        }

        var path = message.Request.Uri.Path;
        var segment = path[(path.LastIndexOf('/') + 1)..];
        if (
            segment.IndexOf('(', StringComparison.Ordinal) is var open and > 0
            && message.Response.Headers.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
        )
        {
            var rows = Rows(message.Response.Content);
            rowsRead.AddOrUpdate(Uri.UnescapeDataString(segment[..open]), rows, (_, sum) => sum + rows);
        }
    }

    /// <summary>The entities of a query answer ("value": […]), or 1 for an entity read by its keys.</summary>
    private static long Rows(BinaryData content)
    {
        var reader = new Utf8JsonReader(content.ToMemory().Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isValue = reader.ValueTextEquals("value"u8);
            reader.Read();
            if (isValue && reader.TokenType == JsonTokenType.StartArray)
            {
                var rows = 0L;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    rows++;
                    reader.Skip();
                }

                return rows;
            }

            reader.Skip();
        }

        return 1;
    }

    public void Dispose() => meter.Dispose();
}
