using System.Globalization;
using System.Text;
using LeadFunctions.Functions.Triggers;
using static LeadFunctions.Codegen.TypeNames;

namespace LeadFunctions.Codegen;

/// <summary>
/// One thin [Function] class per declared function, for the worker SDK: its generators see these as source
/// (functions.metadata and the executor), which they would not if another generator wrote them at build time.
/// </summary>
internal static class AzureWrappers
{
    public static string Write(IEnumerable<FunctionDeclaration> functions)
    {
        var code = new StringBuilder(GeneratedFiles.Header).Append("""
            #nullable enable
            using LeadFunctions.Adapters.Queues;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Azure.Functions.Worker;

            namespace LeadFunctions.FunctionApp;

            """);
        foreach (var function in functions)
        {
            code.Append('\n').Append(CultureInfo.InvariantCulture, $"public sealed class {function.Name}({Global(function.Type)} function)\n{{\n");
            code.Append(CultureInfo.InvariantCulture, $"    [Function(nameof({function.Name}))]\n");
            code.Append(function.Trigger switch
            {
                HttpFunctionAttribute http => Http(function, http),
                QueueFunctionAttribute queue => Queue(function, queue),
                TimerFunctionAttribute timer => Timer(timer),
                var other => throw new InvalidOperationException($"{function.Name}: no wrapper for {other.GetType().Name}."),
            });
            code.Append("}\n");
        }

        return code.ToString();
    }

    private static string Http(FunctionDeclaration function, HttpFunctionAttribute http)
    {
        var methods = string.Join(", ", http.Methods.Select(Literal));
        var routeValues = string.Concat(function.RouteParameters.Select(name => $", string {name}"));
        var arguments = string.Concat(function.RouteParameters.Select(name => $", {name}"));
        return $"""
                public Task<IActionResult> Run(
                    [HttpTrigger(AuthorizationLevel.{http.Level}, {methods}, Route = {Literal(http.Route)})] HttpRequest request{routeValues},
                    CancellationToken ct) =>
                    function.RunAsync(request{arguments}, ct).AsActionResult();

            """;
    }

    private static string Queue(FunctionDeclaration function, QueueFunctionAttribute queue)
    {
        var trigger = $"[QueueTrigger({Literal(queue.QueueName)}, Connection = \"AzureWebJobsStorage\")]";
        if (function.TakesDequeueCount)
        {
            // Bound as a QueueMessage for its DequeueCount; the body is read as the self-hosted runtime reads it.
            return $"""
                    public Task Run({trigger} Azure.Storage.Queues.Models.QueueMessage message, CancellationToken ct) =>
                        function.RunAsync(
                            QueueMessageBody.Read<{Global(function.MessageType)}>(message.Body, {Literal(queue.QueueName)}), message.DequeueCount, ct);

                """;
        }

        return $"""
                public Task Run({trigger} {Global(function.MessageType)} message, CancellationToken ct) =>
                    function.RunAsync(message, ct);

            """;
    }

    private static string Timer(TimerFunctionAttribute timer)
    {
        var startup = timer.RunOnStartup ? ", RunOnStartup = true" : string.Empty;
        return $"""
                public Task Run([TimerTrigger({Literal(timer.Schedule)}{startup})] TimerInfo timer, CancellationToken ct) =>
                    function.RunAsync(timer.ToRunInfo(), ct);

            """;
    }
}
