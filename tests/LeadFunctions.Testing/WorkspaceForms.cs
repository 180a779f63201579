using System.Net;
using System.Text.RegularExpressions;

namespace LeadFunctions.Testing;

/// <summary>
/// The workspace's forms as a client without a browser uses them: the anti-forgery token read off a page as a browser
/// would find it in a form, and signing in with a key through the sign-in form (for the tests and the benches).
/// </summary>
public static partial class WorkspaceForms
{
    public const string TokenField = "__lf_token";

    /// <summary>A client that keeps the session's cookies and sees redirects as they are.</summary>
    public static HttpClient Client(Uri address) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = address,
        };

    public static string TokenOf(string html) =>
        Token().Match(html) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No token on the page.");

    /// <summary>Signs <paramref name="client"/> in with <paramref name="key"/>; throws unless the workspace took
    /// it (303).</summary>
    public static async Task SignInAsync(HttpClient client, string key)
    {
        var token = TokenOf(await client.GetStringAsync("/api/app/signin"));
        using var signedIn = await client.PostAsync(
            "/api/app/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { [TokenField] = token, ["key"] = key })
        );
        if (signedIn.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Signing in answered {(int)signedIn.StatusCode}.");
        }
    }

    [GeneratedRegex("name=\"__lf_token\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
