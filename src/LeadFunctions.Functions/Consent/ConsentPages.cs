using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// The small bilingual (Turkish, then English) pages behind the links in our emails (<see cref="MessagePage"/>): a
/// message and at most one button, no scripts, no outside assets, nothing cached or sent on as a referrer (the
/// link's token is in the URL).
/// </summary>
internal static class ConsentPages
{
    public static IResult Page(int status, TextId title, TextId message) =>
        Result(status, MessagePage.Render(title, message));

    /// <summary>A page with the person's button, posted to the page's own URL: the same path and token.</summary>
    public static IResult Ask(HttpRequest request, TextId title, TextId message, TextId button) =>
        Result(
            StatusCodes.Status200OK,
            MessagePage.Render(title, message, (button, $"{request.PathBase}{request.Path}{request.QueryString}"))
        );

    private static HtmlPageResult Result(int status, string html) => new(status, html, "form-action 'self'");
}
