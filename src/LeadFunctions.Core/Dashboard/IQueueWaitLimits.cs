namespace LeadFunctions.Core.Dashboard;

/// <summary>How long a queue's oldest message may wait before its work counts as overdue.</summary>
public interface IQueueWaitLimits
{
    TimeSpan MaxWait(string queue);
}
