using System.Text.Json;
using LeadFunctions.Adapters;
using Microsoft.Extensions.Configuration.Memory;

namespace LeadFunctions.Host.Configuration;

/// <summary>
/// Reads configuration the way the Functions host does: host.json under "AzureFunctionsJobHost" (so
/// AzureFunctionsJobHost__extensions__queues__batchSize overrides it), and local.settings.json
/// "Values" as if they were environment variables. Both sit below the environment and command line.
/// </summary>
public static class FunctionsConfiguration
{
    public const string HostJsonSection = "AzureFunctionsJobHost";
    private const string LogLevelKey = "logging:logLevel:";

    public static void AddFunctionsFiles(this IConfigurationBuilder configuration, string contentRoot)
    {
        var settings = new List<KeyValuePair<string, string?>>();
        var hostJson = Path.Combine(contentRoot, "host.json");
        if (File.Exists(hostJson))
        {
            var host = ReadHostJson(hostJson);
            var values = host.AsEnumerable().Where(kv => kv.Value is not null).ToList();
            settings.AddRange(values.Select(kv => KeyValuePair.Create($"{HostJsonSection}:{kv.Key}", kv.Value)));

            // host.json "logging.logLevel" sets log levels, as in the Functions host.
            settings.AddRange(
                values
                    .Where(kv => kv.Key.StartsWith(LogLevelKey, StringComparison.OrdinalIgnoreCase))
                    .Select(kv => KeyValuePair.Create("Logging:LogLevel:" + kv.Key[LogLevelKey.Length..], kv.Value))
            );
        }

        var localSettings = Path.Combine(contentRoot, "local.settings.json");
        if (File.Exists(localSettings))
        {
            settings.AddRange(ReadLocalSettingsValues(localSettings));
        }

        // Sources added later win; these go first so that the environment overrides them.
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = settings });
    }

    private static IConfigurationRoot ReadHostJson(string path)
    {
        try
        {
            return new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();
        }
        catch (InvalidDataException invalid)
        {
            throw new SettingException($"host.json is not valid JSON: {invalid.GetBaseException().Message}", invalid);
        }
    }

    private static List<KeyValuePair<string, string?>> ReadLocalSettingsValues(string path)
    {
        // From a stream, which skips the byte order mark an editor on Windows may have written.
        using var file = File.OpenRead(path);
        using var document = ParseLocalSettings(file);
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return values
            .EnumerateObject()
            .Select(p =>
                KeyValuePair.Create(
                    p.Name.Replace("__", ":", StringComparison.Ordinal),
                    p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()
                )
            )
            .ToList();
    }

    private static JsonDocument ParseLocalSettings(Stream file)
    {
        try
        {
            return JsonDocument.Parse(
                file,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }
            );
        }
        catch (JsonException invalid)
        {
            throw new SettingException($"local.settings.json is not valid JSON: {invalid.Message}", invalid);
        }
    }
}
