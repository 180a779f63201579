using LeadFunctions.Core.Scoring;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Scoring;

/// <summary>
/// Nightly: begin a pass that recomputes every score, so engagement decays and a changed model reaches
/// every lead. The pass is queued in parts (lead-rescore) that any instance takes, so it is bound
/// neither by one invocation's time limit nor by one instance.
/// </summary>
[TimerFunction(Schedule)]
public sealed partial class RescoreLeads(IRescoreQueue queue, TimeProvider time, ILogger<RescoreLeads> logger)
{
    /// <summary>03:00 UTC every day.</summary>
    public const string Schedule = "0 0 3 * * *";

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        var parts = RescorePart.Plan(time.GetUtcNow());
        await Task.WhenAll(parts.Select(part => queue.EnqueueAsync(part, cancellationToken)));
        Queued(logger, parts[0].Pass, parts.Count, timer.IsPastDue);
    }

    [LoggerMessage(
        EventId = 1302,
        Level = LogLevel.Information,
        Message = "Rescoring pass {Pass} queued in {Parts} parts (past due: {PastDue})"
    )]
    private static partial void Queued(ILogger logger, string pass, int parts, bool pastDue);
}
