namespace LeadFunctions.FunctionApp.Tests.Triggers;

/// <summary>
/// One function's trigger as either host declares it, in one shape so that the two can be compared:
/// HTTP (route without the prefix, methods upper-case and sorted, level, whether the intake limit applies),
/// queue (name, connection) or timer.
/// </summary>
public sealed record FunctionBinding(
    string Trigger,
    string? Route = null,
    string? Methods = null,
    string? Level = null,
    string? Queue = null,
    string? Connection = null,
    string? Schedule = null,
    bool RunOnStartup = false,
    bool RateLimited = false
)
{
    public static FunctionBinding Http(
        string route,
        IEnumerable<string> methods,
        string level,
        bool rateLimited = false
    ) =>
        new(
            "http",
            Route: route.Trim('/'),
            Methods: string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal)),
            Level: level,
            RateLimited: rateLimited
        );

    public static FunctionBinding QueueTrigger(string queue, string connection) =>
        new("queue", Queue: queue, Connection: connection);

    public static FunctionBinding TimerTrigger(string schedule, bool runOnStartup) =>
        new("timer", Schedule: schedule, RunOnStartup: runOnStartup);

    public override string ToString() =>
        Trigger switch
        {
            "http" => $"HTTP {Methods} '{Route}' level {Level}{(RateLimited ? " rate-limited" : string.Empty)}",
            "queue" => $"queue '{Queue}' on connection '{Connection}'",
            "timer" => $"timer '{Schedule}'{(RunOnStartup ? " run on startup" : string.Empty)}",
            _ => $"{Trigger} trigger",
        };
}
