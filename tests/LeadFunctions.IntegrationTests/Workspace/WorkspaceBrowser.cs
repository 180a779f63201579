using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace LeadFunctions.IntegrationTests.Workspace;

/// <summary>
/// A person at the workspace in Debian's chromium: a browser context of their own (cookies, language), signing in
/// on the sign-in page as they would, and each page checked by axe-core (bundled by Deque.AxeCore.Playwright and
/// injected into the page) for serious or critical accessibility violations.
/// </summary>
internal sealed class WorkspaceBrowser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private WorkspaceBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, Uri root)
    {
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
        Root = root;
        page.Request += (_, request) => Requested.Add(request.Url);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri Root { get; }

    /// <summary>Every address the page asked for, to show nothing came from elsewhere.</summary>
    public List<string> Requested { get; } = [];

    public static async Task<WorkspaceBrowser> OpenAsync(TestHost host, string acceptLanguage = "en-US,en;q=0.9")
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage },
            }
        );
        return new WorkspaceBrowser(
            playwright,
            browser,
            context,
            await context.NewPageAsync(),
            host.Client.BaseAddress!
        );
    }

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(new Uri(Root, path).ToString());

    /// <summary>Types the key on the sign-in page and signs in; the page it lands on is the campaigns (or the page
    /// asked for).</summary>
    public async Task SignInAsync(string key, string path = "/api/app/campaigns")
    {
        await GoAsync(path);
        Assert.EndsWith("/api/app/signin", new Uri(Page.Url).AbsolutePath, StringComparison.Ordinal);
        await Page.GetByLabel("Access key").Or(Page.GetByLabel("Erişim anahtarı")).FillAsync(key);
        await Page.Locator("main form button[type=submit]").ClickAsync();
    }

    /// <summary>No serious or critical axe-core violation on the page as it is now; a screenshot under
    /// artifacts/.</summary>
    public async Task AssertAccessibleAsync(string screenshot)
    {
        await Page.ScreenshotAsync(
            new PageScreenshotOptions { Path = Path.Combine(Chromium.Artifacts, screenshot + ".png"), FullPage = true }
        );
        // Not into frames: the email preview's frame is sandboxed without script, and axe would wait for an answer
        // from inside it forever. The email's own accessibility is its author's.
        AxeResult result = await Page.RunAxe(new AxeRunOptions { Iframes = false });
        var bad = result
            .Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}");
        Assert.Empty(bad);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
