namespace LeadFunctions.Host.Queues;

/// <summary>
/// How long an idle queue listener waits before polling again: 100 ms after messages were seen,
/// otherwise growing exponentially with ±20 % jitter up to maxPollingInterval
/// (azure-webjobs-sdk src/Microsoft.Azure.WebJobs.Host/Timers/RandomizedExponentialBackoffStrategy.cs).
/// </summary>
internal sealed class PollingBackoff(TimeSpan maximum, Random random)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Delta = TimeSpan.FromMilliseconds(100);
    private int failures;

    public TimeSpan Next(bool messagesSeen)
    {
        if (messagesSeen)
        {
            failures = 0;
            return Minimum;
        }

        failures = Math.Min(failures + 1, 30);
        var randomized = Delta.TotalMilliseconds * (0.8 + (random.NextDouble() * 0.4)) * Math.Pow(2, failures - 1);
        var delay = Minimum + TimeSpan.FromMilliseconds(randomized);
        return delay < maximum ? delay : maximum;
    }
}
