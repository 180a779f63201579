using LeadFunctions.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

internal static class TimerInfoExtensions
{
    public static TimerRunInfo ToRunInfo(this TimerInfo timer) =>
        new(timer.IsPastDue, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);
}
