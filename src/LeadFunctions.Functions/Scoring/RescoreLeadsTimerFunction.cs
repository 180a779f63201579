using LeadFunctions.Core.Scoring;
using LeadFunctions.Functions.Timers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Scoring;

/// <summary>Nightly: recompute every score so engagement decays and a changed model reaches every lead.</summary>
public sealed partial class RescoreLeadsTimerFunction(LeadRescorer rescorer, ILogger<RescoreLeadsTimerFunction> logger)
{
    /// <summary>03:00 UTC every day.</summary>
    public const string Schedule = "0 0 3 * * *";

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        var summary = await rescorer.RescoreAllAsync(cancellationToken);
        Rescored(logger, summary.Scanned, summary.Changed, timer.IsPastDue);
        if (summary.Failed > 0)
        {
            NotRescored(logger, summary.FirstFailure, summary.Failed);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "{Failed} leads could not be rescored; they are tried again on the next pass (first error attached)")]
    private static partial void NotRescored(ILogger logger, Exception? error, int failed);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Rescored {Scanned} leads, {Changed} changed (past due: {PastDue})")]
    private static partial void Rescored(ILogger logger, int scanned, int changed, bool pastDue);
}
