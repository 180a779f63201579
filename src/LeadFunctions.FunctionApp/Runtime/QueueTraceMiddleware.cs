using System.Diagnostics;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace LeadFunctions.FunctionApp;

/// <summary>
/// On Azure, continues the trace a queue message carries (<see cref="QueueTraceContext"/>), as the self-hosted
/// QueueListener does: the Functions host binds a JSON message's top-level fields as binding data, "traceparent" and
/// "tracestate" among them, and the function's consumer span starts under them, linked to the invocation the host
/// traced.
/// </summary>
internal sealed class QueueTraceMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        using var activity =
            LeadTelemetry.Source.HasListeners()
            && context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "queueTrigger")
                ? LeadTelemetry.Source.StartActivity(
                    context.FunctionDefinition.Name,
                    ActivityKind.Consumer,
                    ParentFrom(context.BindingContext.BindingData),
                    links: Activity.Current is { } invocation ? [new ActivityLink(invocation.Context)] : null
                )
                : null;
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            // The type only: an exception's message may quote the input.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private static ActivityContext ParentFrom(IReadOnlyDictionary<string, object?> bindingData) =>
        QueueTraceContext.Parent(
            bindingData.GetValueOrDefault(QueueTraceContext.TraceParentField)?.ToString(),
            bindingData.GetValueOrDefault(QueueTraceContext.TraceStateField)?.ToString()
        );
}
