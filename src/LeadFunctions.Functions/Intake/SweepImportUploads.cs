using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// Deletes the workspace's kept uploads and import reports older than a day (<see cref="StagedImports.KeptFor"/>):
/// an upload previewed and never imported holds personal data nobody will use.
/// </summary>
[TimerFunction(Schedule)]
public sealed partial class SweepImportUploads(StagedImports imports, ILogger<SweepImportUploads> logger)
{
    /// <summary>At the start of every hour.</summary>
    public const string Schedule = "0 0 * * * *";

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        var swept = await imports.SweepAsync(cancellationToken);
        Swept(logger, swept);
    }

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "{Blobs} kept import blobs swept")]
    private static partial void Swept(ILogger logger, int blobs);
}
