using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

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

    public static (ConsentToken? Token, string Text, IResult? Refusal) Read(HttpRequest request, ConsentTokens tokens, TokenPurpose purpose, TimeProvider time)
    {
        var text = request.Query["t"].ToString();
        return tokens.Read(text, purpose, time.GetUtcNow(), out var token) switch
        {
            TokenCheck.Valid => (token, text, null),
            TokenCheck.Expired => (null, text, Refuse(request, StatusCodes.Status410Gone, ExpiredTitle, ExpiredText)),
            _ => (null, text, Refuse(request, StatusCodes.Status400BadRequest, InvalidTitle, InvalidText)),
        };
    }

    private static IResult Refuse(HttpRequest request, int status, ConsentPages.Text title, ConsentPages.Text text) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            ? ConsentPages.Page(status, title, text)
            : status == StatusCodes.Status410Gone ? Problems.Gone(text.English, title.English) : Problems.BadRequest(text.English, title.English);
}
