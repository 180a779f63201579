namespace LeadFunctions.Functions.Triggers;

/// <summary>
/// What a timer function is told about its run: the host-neutral twin of the worker's TimerInfo
/// (IsPastDue and ScheduleStatus Last/Next), so the same function class runs on both hosts.
/// </summary>
public sealed record TimerRunInfo(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next);
