using System.Diagnostics.CodeAnalysis;

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

    /// <summary>Open to every browser: CORS for the configured form sites and the intake rate limit per client
    /// address.</summary>
    public bool PublicIntake { get; init; }

    /// <summary>A page of the workspace, for people in a browser: left out of the API document.</summary>
    public bool Page { get; init; }

    /// <summary>The API reference's one line about the operation (its title in the reference page).</summary>
    public required string Summary { get; init; }

    /// <summary>An example request body a caller can send as is, or null for an operation without a body.</summary>
    public string? BodyExample { get; init; }

    public string BodyMediaType { get; init; } = "application/json";

    /// <summary>
    /// Statuses the operation can answer besides those every operation of its kind has: a key check's 401, a
    /// body's 400/413/415, a route value's 404 and storage trouble's 503.
    /// </summary>
    [SuppressMessage(
        "Performance",
        "CA1819:Properties should not return arrays",
        Justification = "An attribute's named argument is an array."
    )]
    public int[] Problems { get; init; } = [];
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

/// <summary>A timer trigger: NCRONTAB with seconds. <c>RunAsync(TimerRunInfo timer, CancellationToken
/// cancellationToken)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TimerFunctionAttribute(string schedule) : FunctionTriggerAttribute
{
    public string Schedule { get; } = schedule;

    public bool RunOnStartup { get; init; }
}

/// <summary>
/// What a timer function is told about its run: the host-neutral twin of the worker's TimerInfo
/// (IsPastDue and ScheduleStatus Last/Next), so the same function class runs on both hosts.
/// </summary>
public sealed record TimerRunInfo(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next);
