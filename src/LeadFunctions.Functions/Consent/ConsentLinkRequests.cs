using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
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
        Func<ConsentToken, string, RequestEvidence, Task<IResult>> act
    )
    {
        var text = request.Query["t"].ToString();
        return tokens.Read(text, purpose, time.GetUtcNow(), out var token) switch
        {
            TokenCheck.Valid when HttpMethods.IsPost(request.Method) => await act(
                token!,
                text,
                ClientEvidence.From(request)
            ),
            TokenCheck.Valid => ask(),
            TokenCheck.Expired => Refuse(request, TextId.LinkExpiredTitle, TextId.LinkExpired, Problems.Gone),
            _ => Refuse(request, TextId.LinkInvalidTitle, TextId.LinkInvalid, Problems.BadRequest),
        };
    }

    /// <param name="problem">The problem+json for the English text and title.</param>
    private static IResult Refuse(
        HttpRequest request,
        TextId title,
        TextId text,
        Func<string, string, ProblemHttpResult> problem
    )
    {
        var answer = problem(Texts.Get(text, Languages.English), Texts.Get(title, Languages.English));
        return request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? ConsentPages.Page(answer.StatusCode, title, text)
            : answer;
    }
}
