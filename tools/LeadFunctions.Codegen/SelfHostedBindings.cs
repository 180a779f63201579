using System.Globalization;
using System.Text;
using LeadFunctions.Functions.Triggers;
using static LeadFunctions.Codegen.TypeNames;

namespace LeadFunctions.Codegen;

/// <summary>The self-hosted runtime's twin of the wrappers: a queue or timer trigger, or an endpoint, per declared
/// function.</summary>
internal static class SelfHostedBindings
{
    public static string Write()
    {
        var functions = FunctionDeclaration.All;
        var namespaces = functions
            .Select(f => f.Type.Namespace!)
            .Concat(functions.Where(f => f.Trigger is QueueFunctionAttribute).Select(f => f.MessageType.Namespace!));
        var code = new StringBuilder(GeneratedFiles.Header)
            .Append("#nullable enable\n")
            .Append(
                Usings([
                    "LeadFunctions.Functions.Triggers",
                    "LeadFunctions.Host.Http",
                    "LeadFunctions.Host.Queues",
                    "LeadFunctions.Host.Timers",
                    .. namespaces,
                ])
            )
            .Append(
                """

                namespace LeadFunctions.Host;

                public static class FunctionBindings
                {
                    public static IServiceCollection AddFunctionTriggers(this IServiceCollection services) => services

                """
            );
        foreach (var function in functions)
        {
            code.Append(
                function.Trigger switch
                {
                    QueueFunctionAttribute queue => QueueTrigger(function, queue),
                    TimerFunctionAttribute timer => TimerTrigger(function, timer),
                    _ => string.Empty,
                }
            );
        }

        code.Append("        ;\n\n    public static void MapFunctions(this RouteGroupBuilder api)\n    {\n");

        // By route, so that the OpenAPI document lists each area's operations together.
        var endpoints = functions
            .Select(function => (function, http: function.Trigger as HttpFunctionAttribute))
            .Where(e => e.http is not null)
            .OrderBy(e => e.http!.Route, StringComparer.Ordinal);
        foreach (var (function, http) in endpoints)
        {
            code.Append(Endpoint(function, http!));
        }

        return code.Append("    }\n}\n").ToString();
    }

    private static string QueueTrigger(FunctionDeclaration function, QueueFunctionAttribute queue)
    {
        var (parameters, arguments) = function.TakesDequeueCount
            ? ("(f, m, dequeueCount, ct)", "m, dequeueCount, ct")
            : ("(f, m, ct)", "m, ct");
        return $"""
                    .AddQueueTrigger<{function.Name}, {function.MessageType.Name}>(
                        {Literal(function.Name)}, {Literal(queue.QueueName)}, {parameters} => f.RunAsync({arguments}))

            """;
    }

    private static string TimerTrigger(FunctionDeclaration function, TimerFunctionAttribute timer)
    {
        var startup = timer.RunOnStartup ? ", runOnStartup: true" : string.Empty;
        return $"""
                    .AddTimerTrigger<{function.Name}>(
                        {Literal(function.Name)}, {Literal(timer.Schedule)}, (f, t, ct) => f.RunAsync(t, ct){startup})

            """;
    }

    private static string Endpoint(FunctionDeclaration function, HttpFunctionAttribute http)
    {
        var methods = string.Join(", ", http.Methods.Select(m => Literal(m.ToUpperInvariant())));
        var routeValues = string.Concat(function.RouteParameters.Select(name => $"string {name}, "));
        var arguments = string.Concat(function.RouteParameters.Select(name => $", {name}"));
        var intake = http.PublicIntake ? "\n            .AsPublicIntake()" : string.Empty;
        return $"""
                    api.MapMethods(
                            {Literal(http.Route)},
                            [{methods}],
                            (HttpRequest request, {routeValues}{function.Name} function, CancellationToken ct) =>
                                function.RunAsync(request{arguments}, ct))
                        .AsFunction<{function.Name}>(AuthorizationLevel.{http.Level}){intake};

            """;
    }
}
