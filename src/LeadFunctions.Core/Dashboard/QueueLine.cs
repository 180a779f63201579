namespace LeadFunctions.Core.Dashboard;

/// <param name="OldestWait">How long the message at the front has waited; null when none is visible.</param>
/// <param name="Overdue">It has waited longer than its queue may (<see cref="IQueueWaitLimits"/>).</param>
public sealed record QueueLine(string Queue, int Waiting, int Poisoned, TimeSpan? OldestWait, bool Overdue);
