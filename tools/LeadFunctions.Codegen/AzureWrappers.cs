using System.Globalization;
using System.Text;
using LeadFunctions.Functions.Triggers;
using static LeadFunctions.Codegen.TypeNames;

namespace LeadFunctions.Codegen;

/// <summary>
/// One thin [Function] class per declared function of a feature, for the worker SDK: its generators see these as
/// source (functions.metadata and the executor), which they would not if another generator wrote them at build time.
/// </summary>
internal static class AzureWrappers
{
    /// <summary>.editorconfig's max_line_length, which the generated source keeps too (LineLengthRules).</summary>
    private const int MaxLineLength = 120;

    public static string Write(IReadOnlyList<FunctionDeclaration> functions)
    {
        var messages = functions.Where(f => f.Trigger is QueueFunctionAttribute).Select(f => f.MessageType.Namespace!);
        var queueMessage = functions.Any(f => f.TakesDequeueCount)
            ? ["Azure.Storage.Queues.Models", "LeadFunctions.Adapters.Queues"]
            : Array.Empty<string>();
        var code = new StringBuilder(GeneratedFiles.Header)
            .Append("#nullable enable\n")
            .Append(
                Usings([
                    "Microsoft.AspNetCore.Http",
                    "Microsoft.AspNetCore.Mvc",
                    "Microsoft.Azure.Functions.Worker",
                    .. messages,
                    .. queueMessage,
                ])
            )
            .Append(CultureInfo.InvariantCulture, $"using {FunctionsAlias} = {functions[0].Type.Namespace};\n")
            .Append("\nnamespace LeadFunctions.FunctionApp;\n");
        foreach (var function in functions)
        {
            code.Append(
                    CultureInfo.InvariantCulture,
                    $"\npublic sealed class {function.Name}({FunctionsAlias}.{function.Name} function)\n{{\n"
                )
                .Append(CultureInfo.InvariantCulture, $"    [Function(nameof({function.Name}))]\n")
                .Append(
                    function.Trigger switch
                    {
                        HttpFunctionAttribute http => Http(function, http),
                        QueueFunctionAttribute queue => Queue(function, queue),
                        TimerFunctionAttribute timer => Timer(timer),
                        var other => throw new InvalidOperationException(
                            $"{function.Name}: no wrapper for {other.GetType().Name}."
                        ),
                    }
                )
                .Append("}\n");
        }

        return code.ToString();
    }

    private static string Http(FunctionDeclaration function, HttpFunctionAttribute http)
    {
        var methods = string.Join(", ", http.Methods.Select(Literal));
        var routeValues = string.Concat(function.RouteParameters.Select(name => $"        string {name},\n"));
        var arguments = string.Concat(function.RouteParameters.Select(name => $", {name}"));
        var trigger = $"[HttpTrigger(AuthorizationLevel.{http.Level}, {methods}, Route = {Literal(http.Route)})]";
        // The request on the trigger's line while both fit in the line length the source keeps, else under it.
        var oneLine = $"        {trigger} HttpRequest request,";
        var request =
            oneLine.Length <= MaxLineLength ? oneLine : $"        {trigger}\n            HttpRequest request,";
        return $"""
                public Task<IActionResult> Run(
            {request}
            {routeValues}        CancellationToken ct) =>
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
                    public Task Run(
                        {trigger} QueueMessage message,
                        CancellationToken ct) =>
                        function.RunAsync(
                            QueueMessageBody.Read<{function.MessageType.Name}>(message.Body, {Literal(
                    queue.QueueName
                )}),
                            message.DequeueCount,
                            ct);

                """;
        }

        return $"""
                public Task Run(
                    {trigger} {function.MessageType.Name} message,
                    CancellationToken ct) =>
                    function.RunAsync(message, ct);

            """;
    }

    private static string Timer(TimerFunctionAttribute timer)
    {
        var startup = timer.RunOnStartup ? ", RunOnStartup = true" : string.Empty;
        return $"""
                public Task Run([TimerTrigger({Literal(
                timer.Schedule
            )}{startup})] TimerInfo timer, CancellationToken ct) =>
                    function.RunAsync(timer.ToRunInfo(), ct);

            """;
    }
}
