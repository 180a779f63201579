using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Runtime;

/// <summary>The host as a process (its Release build) given a configuration it cannot run with: one line on stderr, no
/// stack trace, exit 1.</summary>
public sealed class ConfigurationErrorTests
{
    private const string HostJson = """{ "version": "2.0", "extensions": { "queues": { "batchSize": 16 } } }""";

    [Theory]
    [InlineData(
        HostJson,
        "--Intake:PermitsPerMinute=0",
        "Configuration error: Intake:PermitsPerMinute: The field PermitsPerMinute must be between 1 and 2147483647."
    )]
    [InlineData(
        HostJson,
        "--Intake:PermitsPerMinute=many",
        "Configuration error: Failed to convert configuration value 'many' at 'Intake:PermitsPerMinute' to type "
            + "'System.Int32'."
    )]
    [InlineData(
        HostJson,
        "--SalesHandoff:WebhookUrl=https://crm.example.com/in",
        "Configuration error: SalesHandoff:Secret is required with a webhook URL: handoffs are always signed."
    )]
    [InlineData(
        """{ "version": "2.0", "extensions": { "queues": { "batchSize": 64 } } }""",
        null,
        "Configuration error: host.json extensions:queues:batchSize: The field BatchSize must be between 1 and 32."
    )]
    [InlineData(
        """{ "version": "2.0", "functionTimeout": "ten minutes" }""",
        null,
        "Configuration error: host.json functionTimeout 'ten minutes' is neither a time span of at least a second "
            + "like 00:10:00 nor -1."
    )]
    [InlineData("""{ "version": "2.0", "extensions": { """, null, "Configuration error: host.json is not valid JSON: ")]
    public async Task Start_InvalidSetting_OneReadableLineAndExit1(string hostJson, string? setting, string expected)
    {
        var contentRoot = Directory.CreateTempSubdirectory("host-config-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(contentRoot, "host.json"), hostJson);
            string[] settings =
            [
                "--AzureWebJobsStorage=UseDevelopmentStorage=true",
                .. setting is null ? Array.Empty<string>() : [setting],
            ];

            var (exitCode, output, error) = await HostProcess.RunToExitAsync(
                contentRoot,
                TimeSpan.FromSeconds(60),
                settings
            );

            Assert.Equal(1, exitCode);
            var line = Assert.Single(
                error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            );
            Assert.StartsWith(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Start_TwoInvalidSettings_ALineForEach()
    {
        var contentRoot = Directory.CreateTempSubdirectory("host-config-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(contentRoot, "host.json"), HostJson);
            var (exitCode, output, error) = await HostProcess.RunToExitAsync(
                contentRoot,
                TimeSpan.FromSeconds(60),
                "--AzureWebJobsStorage=UseDevelopmentStorage=true",
                "--Intake:PermitsPerMinute=0",
                "--Consent:TokenSecret=short"
            );

            Assert.Equal(1, exitCode);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, lines.Length);
            Assert.Contains(lines, l =>
                l.StartsWith("Configuration error: Intake:PermitsPerMinute", StringComparison.Ordinal)
            );
            Assert.Contains(lines, l =>
                l.StartsWith("Configuration error: Consent:TokenSecret", StringComparison.Ordinal)
            );
            Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
