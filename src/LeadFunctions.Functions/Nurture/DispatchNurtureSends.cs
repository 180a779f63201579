using LeadFunctions.Core.Nurture;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Nurture;

/// <summary>
/// Every five seconds (<see cref="NurtureScheduler.Period"/>): queue on nurture-send the nurture sends that fall due
/// within <see cref="NurtureScheduler.LookAhead"/>, each to be seen at its due second. Reads only the due index's
/// minutes up to then, whose entries are taken out once queued, so a run that was missed (past due) catches up on its
/// next run without a scan. Then nurture-send's poisoned messages go back on the queue (<see cref="NurtureRedrive"/>):
/// nothing due is stranded there.
/// </summary>
[TimerFunction(Schedule)]
public sealed class DispatchNurtureSends(
    NurtureScheduler scheduler,
    NurtureRedrive redrive,
    ILogger<DispatchNurtureSends> logger
)
{
    public const string Schedule = "*/5 * * * * *";

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        var queued = await scheduler.DispatchAsync(cancellationToken);
        Log.Dispatched(logger, queued, timer.IsPastDue);
        if (await redrive.RedriveAsync(cancellationToken) is > 0 and var redriven)
        {
            Log.Redriven(logger, redriven);
        }
    }
}
