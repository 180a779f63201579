using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Host.Timers;

/// <summary>
/// A function bound to a schedule: NCRONTAB with six fields (or five, without seconds), a TimeSpan
/// ("00:05:00"), or a "%Setting%" that names one of those in configuration.
/// </summary>
public sealed record TimerTrigger(
    string FunctionName,
    string Schedule,
    bool RunOnStartup,
    Func<IServiceProvider, TimerRunInfo, CancellationToken, Task> Invoke
);

public static class TimerTriggerRegistration
{
    public static IServiceCollection AddTimerTrigger<TFunction>(
        this IServiceCollection services,
        string functionName,
        string schedule,
        Func<TFunction, TimerRunInfo, CancellationToken, Task> run,
        bool runOnStartup = false
    )
        where TFunction : notnull =>
        services.AddSingleton(
            new TimerTrigger(functionName, schedule, runOnStartup, (provider, info, cancellationToken) =>
                run(provider.GetRequiredService<TFunction>(), info, cancellationToken)
            )
        );
}
