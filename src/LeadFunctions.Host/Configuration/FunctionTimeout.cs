using System.Globalization;
using LeadFunctions.Adapters;

namespace LeadFunctions.Host.Configuration;

/// <summary>
/// host.json "functionTimeout": how long one invocation of a queue or timer function may run. Past it
/// the Functions host logs the timeout and cancels the invocation's token, and the invocation counts as
/// failed however it ends (a queue message is tried again through its dequeue count): a function that
/// returns early on the token has not done its work. "-1" is no limit; without the key, 30 minutes (the
/// default of Flex Consumption and Premium; Consumption allows at most 10); at least 1 second.
/// </summary>
public sealed partial class FunctionTimeout(TimeSpan? limit, TimeProvider time)
{
    public const string Key = FunctionsConfiguration.HostJsonSection + ":functionTimeout";

    public static readonly TimeSpan Default = TimeSpan.FromMinutes(30);

    public static TimeSpan? Parse(string? value) =>
        value switch
        {
            null or "" => Default,
            "-1" => null,
            _ when TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed)
                    && (parsed >= TimeSpan.FromSeconds(1) || parsed == TimeSpan.FromDays(-1)) => parsed
            == TimeSpan.FromDays(-1)
                ? null
                : parsed,
            _ => throw new SettingException(
                $"host.json functionTimeout '{value}' is neither a time span of at least a second like 00:10:00 nor -1."
            ),
        };

    /// <summary>Runs an invocation whose token is cancelled when the limit passes (or the host stops).</summary>
    /// <exception cref="TimeoutException">The invocation ended after its limit passed.</exception>
    public async Task InvokeAsync(
        string functionName,
        ILogger logger,
        Func<CancellationToken, Task> invoke,
        CancellationToken stopping
    )
    {
        if (limit is not { } timeout)
        {
            await invoke(stopping);
            return;
        }

        using var expired = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, expired.Token);
        await using var logged = expired.Token.Register(() => Exceeded(logger, timeout, functionName));
        bool TimedOut() => expired.IsCancellationRequested && !stopping.IsCancellationRequested;
        try
        {
            await invoke(linked.Token);
        }
        catch (Exception ex) when (TimedOut())
        {
            throw Exceeded(timeout, functionName, ex);
        }

        if (TimedOut())
        {
            throw Exceeded(timeout, functionName, null);
        }
    }

    private static TimeoutException Exceeded(TimeSpan timeout, string functionName, Exception? inner) =>
        new($"Timeout value of {timeout} exceeded by function '{functionName}'.", inner);

    [LoggerMessage(
        EventId = 4000,
        Level = LogLevel.Error,
        Message = "Timeout value of {Timeout} exceeded by function {Function}; initiating cancellation"
    )]
    private static partial void Exceeded(ILogger logger, TimeSpan timeout, string function);
}

/// <summary>
/// The app setting "AzureWebJobs.{FunctionName}.Disabled" = true switches a function off, as in Azure
/// Functions: its queue or timer listener does not start, and an HTTP function answers 404.
/// </summary>
public static class FunctionSwitches
{
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;
}
