using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// lead-import: each row of the batch goes through the same intake as a form submission. A failure
/// retries the batch; rows already applied are recognised by their submission ids and skipped.
/// </summary>
[QueueFunction(QueueNames.LeadImport)]
public sealed partial class ProcessImportBatch(LeadIntakeProcessor processor, ILogger<ProcessImportBatch> logger)
{
    private const int Parallelism = 4;

    public async Task RunAsync(ImportBatch message, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            message.Submissions,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (submission, ct) => await processor.ProcessAsync(submission, ct)
        );
        Processed(logger, message.ImportId, message.Sequence, message.Submissions.Count);
    }

    [LoggerMessage(
        EventId = 1401,
        Level = LogLevel.Information,
        Message = "Import {ImportId} batch {Sequence}: {Rows} rows processed"
    )]
    private static partial void Processed(ILogger logger, string importId, int sequence, int rows);
}
