using System.Text.Json;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.FunctionApp.Tests.Triggers;

/// <summary>
/// The functions the Azure Functions host will load: the worker SDK's functions.metadata from the FunctionApp's
/// build, with the worker middleware's intake limit on the functions <see cref="IntakeRateLimit"/> names.
/// </summary>
public static class FunctionAppMetadata
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "FunctionApp", "functions.metadata");

    public static IReadOnlyDictionary<string, FunctionBinding> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var functions = new Dictionary<string, FunctionBinding>(StringComparer.Ordinal);
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            var triggers = function
                .GetProperty("bindings")
                .EnumerateArray()
                .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
                .ToList();
            functions.Add(
                name,
                triggers.Count == 1
                    ? ToBinding(triggers[0], FunctionDeclaration.PublicIntakeNames.Contains(name))
                    : throw new InvalidOperationException(
                        $"functions.metadata: {name} has {triggers.Count} triggers; a function has exactly one."
                    )
            );
        }

        return functions;
    }

    private static FunctionBinding ToBinding(JsonElement trigger, bool rateLimited)
    {
        string? Text(string property) =>
            trigger.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        return trigger.GetProperty("type").GetString() switch
        {
            "httpTrigger" => FunctionBinding.Http(
                Text("route") ?? string.Empty,
                trigger.TryGetProperty("methods", out var methods)
                    ? methods.EnumerateArray().Select(m => m.GetString()!)
                    : [],
                Text("authLevel") ?? "Anonymous",
                rateLimited
            ),
            "queueTrigger" => FunctionBinding.QueueTrigger(
                Text("queueName") ?? string.Empty,
                Text("connection") ?? string.Empty
            ),
            "timerTrigger" => FunctionBinding.TimerTrigger(
                Text("schedule") ?? string.Empty,
                trigger.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean()
            ),
            var other => new FunctionBinding(other ?? "unknown"),
        };
    }
}
