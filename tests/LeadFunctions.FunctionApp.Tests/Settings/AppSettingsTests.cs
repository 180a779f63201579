using System.Text.Json;

namespace LeadFunctions.FunctionApp.Tests.Settings;

public sealed class AppSettingsTests
{
    /// <summary>Read by the code, but not app settings on Azure.</summary>
    private static readonly Dictionary<string, string> NotOnAzure = new(StringComparer.Ordinal)
    {
        ["Host:FunctionKeys"] = "the self-hosted runtime's function keys; Azure manages its own",
        ["Host:MasterKey"] = "the self-hosted runtime's master key; Azure manages its own",
        ["Runtime:Queues:MessageLease"] = "the self-hosted runtime's queue lease; the Functions host's is fixed",
        ["Storage:NamePrefix"] = "for tests and shared accounts; on Azure the names are docs/reference.md's",
        ["SendGrid:Host"] = "an alternative SendGrid address for tests and local runs",
        ["Graph:BaseUrl"] = "an alternative Microsoft Graph address for tests and local runs",
        ["Runtime:LocalMailbox"] = "the self-hosted runtime's stand-in for SendGrid in local runs",
    };

    /// <summary>host.json ("AzureFunctionsJobHost:*"), deployed with the app.</summary>
    private const string HostJsonPrefix = "AzureFunctionsJobHost:";

    /// <summary>Set by the Bicep for the Functions host and the platform, not read by our code.</summary>
    private static readonly string[] PlatformSettings = ["AzureWebJobsStorage__"];

    private static readonly string[] SecretSuffixes =
    [
        "Secret",
        "SecretToken",
        "ClientState",
        "ApiKey",
        "Password",
        "ConnectionString",
    ];

    /// <summary>Compiled once for the class: the Bicep CLI takes seconds.</summary>
    private static readonly Lazy<Task<BicepAppSettings>> Compiled = new(BicepAppSettings.CompileAsync);

    [Fact]
    public async Task Bicep_SetsEverySettingTheCodeReads_AndOnlyThose()
    {
        var bicep = await Compiled.Value;
        var code = CodeSettings.All();
        var problems = new List<string>();

        foreach (
            var setting in code.Where(s =>
                !NotOnAzure.ContainsKey(s.Key) && !s.Key.StartsWith(HostJsonPrefix, StringComparison.Ordinal)
            )
        )
        {
            if (!IsSet(setting, bicep.Names))
            {
                problems.Add(
                    $"{setting.Key} is read by the code ({setting.Source}) but infra/main.bicep does not set "
                        + $"{setting.EnvironmentName}: add it to appSettingValues (a parameter left empty keeps the "
                        + $"code's default; a secret goes in secretSettings), or to NotOnAzure in "
                        + $"{nameof(AppSettingsTests)} with the reason."
                );
            }
        }

        var expected = code.Select(s => s.EnvironmentName).ToList();
        foreach (var name in bicep.Names.Order(StringComparer.Ordinal))
        {
            if (
                !expected.Any(e => name == e || name.StartsWith(e + "__", StringComparison.Ordinal))
                && !PlatformSettings.Any(p => name.StartsWith(p, StringComparison.Ordinal))
            )
            {
                problems.Add(
                    $"infra/main.bicep sets {name}, which no code reads: a misspelt setting, or one whose code is gone."
                );
            }
        }

        foreach (
            var secret in expected
                .Where(IsSecret)
                .Where(bicep.Names.Contains)
                .Where(s => !bicep.KeyVaultReferences.Contains(s))
        )
        {
            problems.Add(
                $"{secret} is a secret but infra/main.bicep does not set it as a Key Vault reference: put it in "
                    + $"secretSettings."
            );
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Bicep_PlatformCorsAndIntakeOrigins_ComeFromOneParameter()
    {
        // CORS is the platform's on Azure (it answers preflights before the worker runs); the web form's
        // redirect check reads Intake:AllowedOrigins. One list, so the two cannot drift apart.
        var bicep = await Compiled.Value;

        Assert.Equal("[parameters('allowedOrigins')]", bicep.PlatformCorsOrigins);
        Assert.Contains("parameters('allowedOrigins')", bicep.IntakeOrigins, StringComparison.Ordinal);
    }

    /// <summary>A deployment replaces every app setting: a function kept off through it must be one of the Bicep's
    /// settings.</summary>
    [Fact]
    public async Task Bicep_DisabledFunctions_BecomeDisabledSettingsOfTheApp()
    {
        using var template = JsonDocument.Parse(await BicepAppSettings.BuildArmJsonAsync());
        var root = template.RootElement;

        Assert.Equal(
            "array",
            root.GetProperty("parameters").GetProperty("disabledFunctions").GetProperty("type").GetString()
        );
        var disabled = root.GetProperty("variables").GetProperty("disabledSettingValues").GetString()!;
        Assert.Contains(
            "format('AzureWebJobs.{0}.Disabled', lambdaVariables('name'))",
            disabled,
            StringComparison.Ordinal
        );
        Assert.Contains("lambda('name', 'true')", disabled, StringComparison.Ordinal);
        var site = root.GetProperty("resources").GetProperty("app");
        var appSettings = site.GetProperty("properties")
            .GetProperty("siteConfig")
            .GetProperty("appSettings")
            .GetString()!;
        Assert.Contains("variables('disabledSettingValues')", appSettings, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeSettings_OptionsClasses_FoundWithTheirShapes()
    {
        var settings = CodeSettings.All().ToDictionary(s => s.Key, s => s.Shape);

        Assert.Equal(SettingShape.Value, settings["Intake:PermitsPerMinute"]);
        Assert.Equal(SettingShape.List, settings["Intake:AllowedOrigins"]);
        Assert.Equal(SettingShape.Value, settings["Webhooks:Zoom:SecretToken"]);
        Assert.Equal(SettingShape.Value, settings["Webhooks:GoToWebinar:SecretKey"]);
        Assert.Equal(SettingShape.Value, settings["Webhooks:Livestorm:Secret"]);
        Assert.Equal(SettingShape.Value, settings["Webhooks:Teams:ClientState"]);
        Assert.Equal(SettingShape.Value, settings["Graph:ClientSecret"]);
        Assert.Equal(SettingShape.Section, settings["Host:FunctionKeys"]);
        Assert.Equal(SettingShape.Value, settings["AzureFunctionsJobHost:extensions:queues:BatchSize"]);
        Assert.DoesNotContain("Intake:Origins", settings.Keys); // computed, not bound
    }

    [Fact]
    public void Read_SettingsInVariablesResourcesAndKeyVault_NamesFound()
    {
        var bicep = BicepAppSettings.Read(
            """
            {
              "parameters": { "a": { "metadata": { "description": "Sets Intake__Ignored" } } },
              "variables": {
                "secretSettings": [{ "setting": "SendGrid__ApiKey", "secret": "SendGridApiKey" }],
                "secretSettingValues": "[toObject(variables('secretSettings'), lambda('s', format('@Microsoft.KeyVault(VaultName={0})', 'kv')))]",
                "originSettingValues": "[toObject(range(0, 2), lambda('i', format('Intake__AllowedOrigins__{0}', lambdaVariables('i'))))]"
              },
              "resources": { "app": { "type": "Microsoft.Web/sites",
                "properties": { "siteConfig": { "appSettings": "[createObject('Health__MaxQueueWait', parameters('w'))]" } } } }
            }
            """
        );

        Assert.Equal(
            ["Health__MaxQueueWait", "Intake__AllowedOrigins", "SendGrid__ApiKey"],
            bicep.Names.Order(StringComparer.Ordinal)
        );
        Assert.Equal(["SendGrid__ApiKey"], bicep.KeyVaultReferences);
    }

    private static bool IsSet(CodeSetting setting, IReadOnlySet<string> names) =>
        setting.Shape switch
        {
            SettingShape.Value => names.Contains(setting.EnvironmentName),
            _ => names.Any(n =>
                n == setting.EnvironmentName || n.StartsWith(setting.EnvironmentName + "__", StringComparison.Ordinal)
            ),
        };

    private static bool IsSecret(string environmentName) =>
        SecretSuffixes.Any(suffix => environmentName.EndsWith(suffix, StringComparison.Ordinal));
}
