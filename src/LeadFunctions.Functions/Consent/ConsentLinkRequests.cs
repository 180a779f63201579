using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// Reads the token of a link's request. A bad token is a 4xx: a page for a browser, problem+json for anything
/// else; an expired one says so and offers nothing (no form to send a link to some other address).
/// </summary>
internal static class ConsentLinkRequests
{
    private static readonly ConsentPages.Text InvalidTitle = new("Bağlantı geçersiz", "This link is not valid");
    private static readonly ConsentPages.Text InvalidText = new(
        "Bu bağlantı eksik ya da değiştirilmiş. Lütfen e-postadaki bağlantının tamamını kullanın.",
        "This link is incomplete or has been changed. Please use the whole link from the email.");

    private static readonly ConsentPages.Text ExpiredTitle = new("Bağlantının süresi doldu", "This link has expired");
    private static readonly ConsentPages.Text ExpiredText = new(
        "Bu onay bağlantısının süresi doldu. Aboneliği yeniden başlatmak için formu tekrar doldurabilirsiniz.",
        "This confirmation link has expired. To subscribe, fill in the form again.");

    /// <summary>
    /// The one flow of both links: a bad token refused; a GET answered with <paramref name="ask"/> (the page with
    /// the person's button) and nothing changed; a POST (the button, or a mail provider's one-click) acted on with
    /// the token, its text and the request's evidence.
    /// </summary>
    public static async Task<IResult> RespondAsync(
        HttpRequest request,
        ConsentTokens tokens,
        TokenPurpose purpose,
        TimeProvider time,
        Func<IResult> ask,
        Func<ConsentToken, string, RequestEvidence, Task<IResult>> act)
    {
        var text = request.Query["t"].ToString();
        return tokens.Read(text, purpose, time.GetUtcNow(), out var token) switch
        {
            TokenCheck.Valid when HttpMethods.IsPost(request.Method) => await act(token!, text, ClientEvidence.From(request)),
            TokenCheck.Valid => ask(),
            TokenCheck.Expired => Refuse(request, ExpiredTitle, ExpiredText, Problems.Gone(ExpiredText.English, ExpiredTitle.English)),
            _ => Refuse(request, InvalidTitle, InvalidText, Problems.BadRequest(InvalidText.English, InvalidTitle.English)),
        };
    }

    private static IResult Refuse(HttpRequest request, ConsentPages.Text title, ConsentPages.Text text, ProblemHttpResult problem) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? ConsentPages.Page(problem.StatusCode, title, text)
            : problem;
}
