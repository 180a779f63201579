using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's chromium (scripts/tools.sh installs it) driven by Playwright: Playwright's own browser builds are never
/// downloaded. Its driver ships inside the Microsoft.Playwright package, with the node it runs on.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Where the browser tests leave their screenshots: bin/…/artifacts beside the test assembly.</summary>
    public static string Artifacts { get; } =
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Assert.True(
            File.Exists(ExecutablePath),
            $"No browser at {ExecutablePath}: run scripts/tools.sh's ensure_tools (./test.sh does)."
        );
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Chromium's sandbox refuses to start as root, which CI and this machine are.
                Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
            }
        );
        return (playwright, browser);
    }
}
