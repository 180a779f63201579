namespace LeadFunctions.Host.Queues;

/// <summary>
/// How long an idle queue listener waits before polling again: 100 ms at the first empty receive after
/// messages were seen, otherwise growing exponentially with ±20 % jitter up to maxPollingInterval
/// (azure-webjobs-sdk src/Microsoft.Azure.WebJobs.Host/Timers/RandomizedExponentialBackoffStrategy.cs,
/// and QueueListener's "found a message since the last delay").
/// </summary>
internal sealed class PollingBackoff(TimeSpan maximum, Random random)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Delta = TimeSpan.FromMilliseconds(100);
    private int failures;
    private bool seenSinceLastDelay;

    /// <summary>A receive returned messages: the next wait is the minimum and the growth starts over.</summary>
    public void MessagesSeen() => seenSinceLastDelay = true;

    /// <summary>The wait after an empty receive.</summary>
    public TimeSpan Next()
    {
        if (seenSinceLastDelay)
        {
            (seenSinceLastDelay, failures) = (false, 0);
            return Minimum;
        }

        failures = Math.Min(failures + 1, 30);
        var randomized = Delta.TotalMilliseconds * (0.8 + (random.NextDouble() * 0.4)) * Math.Pow(2, failures - 1);
        var delay = Minimum + TimeSpan.FromMilliseconds(randomized);
        return delay < maximum ? delay : maximum;
    }
}
