using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace LeadFunctions.Adapters.Storage;

/// <summary>
/// Counts every request the Azure SDK clients send to storage (each try of a retried request
/// counts), as the "storage.operations" metric and as a running total the benchmark reads.
/// Storage is billed per operation, so this is the figure the cost of a lead is measured in.
/// </summary>
public sealed class StorageOperationCounter : HttpPipelineSynchronousPolicy, IDisposable
{
    public const string MeterName = "LeadFunctions.Storage";
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> operations;
    private long total;

    public StorageOperationCounter() => operations = meter.CreateCounter<long>("storage.operations", description: "Requests sent to Azure Storage");

    public long Total => Interlocked.Read(ref total);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref total);
        operations.Add(1, new KeyValuePair<string, object?>("method", message.Request.Method.Method), new KeyValuePair<string, object?>("host", message.Request.Uri.Host));
    }

    public void Dispose() => meter.Dispose();
}
