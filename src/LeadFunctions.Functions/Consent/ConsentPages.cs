using System.Text;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// The small bilingual (Turkish, then English) pages behind the links in our emails: a message and at most one
/// button, no scripts, no outside assets, nothing cached or sent on as a referrer (the link's token is in the URL).
/// </summary>
internal static class ConsentPages
{
    public sealed record Text(string Turkish, string English);

    public static IResult Page(int status, Text title, Text message, Text? button = null, string? action = null)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"tr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(title.Turkish)).Append(" / ").Append(E(title.English)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222}button{font-size:1rem;padding:.6rem 1.2rem}hr{margin:2rem 0}</style></head><body>");
        foreach (var (language, pick) in new (string, Func<Text, string>)[] { ("tr", t => t.Turkish), ("en", t => t.English) })
        {
            html.Append("<section lang=\"").Append(language).Append("\"><h1>").Append(E(pick(title))).Append("</h1><p>").Append(E(pick(message))).Append("</p>");
            if (button is not null && action is not null)
            {
                html.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\"><button type=\"submit\">").Append(E(pick(button))).Append("</button></form>");
            }

            html.Append("</section>").Append(language == "tr" ? "<hr>" : string.Empty);
        }

        return new HtmlPageResult(status, html.Append("</body></html>").ToString(), "form-action 'self'");
    }

    /// <summary>The page's own URL as its form's target: the same path and token, posted by the person's button.</summary>
    public static string SelfAction(HttpRequest request) => $"{request.PathBase}{request.Path}{request.QueryString}";

    private static string E(string text) => Html.Encode(text);
}
