using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadFunctions.Testing;

namespace LeadFunctions.FunctionApp.Tests.Settings;

/// <summary>
/// The app settings infra/main.bicep gives the function app, read from the ARM JSON the Bicep CLI compiles
/// (scripts/bicep.sh): every "Section__Key" name in its variables and resources (a list's indexed names
/// count as "Section__Key"), and the names of the settings that are Key Vault references.
/// </summary>
public sealed partial class BicepAppSettings
{
    private BicepAppSettings(
        IReadOnlySet<string> names,
        IReadOnlySet<string> keyVaultReferences,
        string? platformCorsOrigins,
        string? intakeOrigins
    )
    {
        Names = names;
        KeyVaultReferences = keyVaultReferences;
        PlatformCorsOrigins = platformCorsOrigins;
        IntakeOrigins = intakeOrigins;
    }

    public IReadOnlySet<string> Names { get; }

    public IReadOnlySet<string> KeyVaultReferences { get; }

    /// <summary>The function app's siteConfig.cors.allowedOrigins, as the template's expression.</summary>
    public string? PlatformCorsOrigins { get; }

    /// <summary>The expression the Intake__AllowedOrigins__* settings are made from.</summary>
    public string? IntakeOrigins { get; }

    public static async Task<BicepAppSettings> CompileAsync() => Read(await BuildArmJsonAsync());

    /// <summary>infra/main.bicep compiled to its ARM JSON.</summary>
    public static async Task<string> BuildArmJsonAsync()
    {
        var root = AzuriteProcess.RepositoryRoot();
        var info = new ProcessStartInfo(
            "bash",
            [Path.Combine(root, "scripts", "bicep.sh"), "build", Path.Combine(root, "infra", "main.bicep"), "--stdout"]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var bicep = Process.Start(info) ?? throw new InvalidOperationException("The Bicep CLI did not start.");
        var output = bicep.StandardOutput.ReadToEndAsync();
        var error = bicep.StandardError.ReadToEndAsync();
        await bicep.WaitForExitAsync();
        return bicep.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"bicep build failed: {await error}");
    }

    public static BicepAppSettings Read(string armJson)
    {
        using var template = JsonDocument.Parse(armJson);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in new[] { "variables", "resources" })
        {
            if (template.RootElement.TryGetProperty(section, out var element))
            {
                Collect(element, names);
            }
        }

        var keyVault = new HashSet<string>(StringComparer.Ordinal);
        if (
            template.RootElement.TryGetProperty("variables", out var variables)
            && variables.TryGetProperty("secretSettings", out var secrets)
            && variables.TryGetProperty("secretSettingValues", out var secretValues)
            && secretValues.GetString()!.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal)
        )
        {
            keyVault.UnionWith(secrets.EnumerateArray().Select(s => s.GetProperty("setting").GetString()!));
        }

        var site = Resources(template.RootElement)
            .FirstOrDefault(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites");
        var cors =
            site.ValueKind == JsonValueKind.Object
            && site.GetProperty("properties").TryGetProperty("siteConfig", out var siteConfig)
            && siteConfig.TryGetProperty("cors", out var corsConfig)
                ? corsConfig.GetProperty("allowedOrigins").ToString()
                : null;
        var origins =
            variables.ValueKind == JsonValueKind.Object
            && variables.TryGetProperty("originSettingValues", out var originValues)
                ? originValues.GetString()
                : null;
        return new BicepAppSettings(names, keyVault, cors, origins);
    }

    /// <summary>Resources are an array, or an object by symbolic name (language version 2.0).</summary>
    private static IEnumerable<JsonElement> Resources(JsonElement template) =>
        !template.TryGetProperty("resources", out var resources) ? []
        : resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray()
        : resources.EnumerateObject().Select(r => r.Value);

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    names.UnionWith(SettingName().Matches(property.Name).Select(m => m.Value));
                    Collect(property.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names);
                }

                break;
            case JsonValueKind.String:
                names.UnionWith(SettingName().Matches(element.GetString()!).Select(m => m.Value));
                break;
        }
    }

    [GeneratedRegex("[A-Za-z][A-Za-z0-9]*(?:__[A-Za-z0-9]+)+")]
    private static partial Regex SettingName();
}
