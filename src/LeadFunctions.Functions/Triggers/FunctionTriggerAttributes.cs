namespace LeadFunctions.Functions.Triggers;

/// <summary>
/// A function's one declaration: put on its class, beside the class's <c>RunAsync</c>. The function is named as its
/// class; the self-hosted runtime's binding, the Azure [Function] wrapper, the DI registration and the OpenAPI
/// operation all follow from it (see docs/architecture.md, "Adding a function").
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class FunctionTriggerAttribute : Attribute;

/// <summary>
/// An HTTP trigger, as the worker's HttpTrigger says it: level, methods and route (without the "api" prefix).
/// <c>RunAsync(HttpRequest request, [string routeValue, …,] CancellationToken cancellationToken)</c> returns
/// <c>Task&lt;IResult&gt;</c>; each string parameter binds the route value of its name.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HttpFunctionAttribute(AuthorizationLevel level, params string[] methods) : FunctionTriggerAttribute
{
    public AuthorizationLevel Level { get; } = level;

    public IReadOnlyList<string> Methods { get; } = methods;

    public required string Route { get; init; }

    /// <summary>Open to every browser: CORS for the configured form sites and the intake rate limit per client address.</summary>
    public bool PublicIntake { get; init; }
}

/// <summary>
/// A queue trigger on the app's storage account. <c>RunAsync(TMessage message, [long dequeueCount,]
/// CancellationToken cancellationToken)</c>: the message is the JSON body, bound as the worker binds a POCO.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class QueueFunctionAttribute(string queueName) : FunctionTriggerAttribute
{
    public string QueueName { get; } = queueName;
}

/// <summary>A timer trigger: NCRONTAB with seconds. <c>RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TimerFunctionAttribute(string schedule) : FunctionTriggerAttribute
{
    public string Schedule { get; } = schedule;

    public bool RunOnStartup { get; init; }
}
