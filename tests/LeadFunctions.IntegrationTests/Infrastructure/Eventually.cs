namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>Waits for asynchronous work (queues, timers) to reach an observable state, or fails with a clear
/// message.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting{(because is null ? string.Empty : " for " + because)}.");
            }

            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null) =>
        GetAsync<object>(async () => await condition() ? true : null, timeout, because);
}
