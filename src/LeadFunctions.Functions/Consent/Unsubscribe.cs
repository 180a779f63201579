using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>GET /api/unsubscribe?t=</c> shows one button and changes nothing (mail scanners follow links);
/// <c>POST</c> (the button, or RFC 8058 <c>List-Unsubscribe=One-Click</c>) withdraws email consent at once,
/// suppresses the address and, for a campaign email's link, counts the unsubscribe on its step.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous, "get", "post", Route = "unsubscribe",
    Summary = "GET shows the unsubscribe page; POST (the button or RFC 8058 one-click) withdraws consent and " +
        "suppresses the address; answers HTML pages.")]
public sealed class Unsubscribe(ConsentTokens tokens, ConsentLinkActions actions, TimeProvider time)
{
    private static readonly ConsentPages.Text Title = new("Abonelikten çık", "Unsubscribe");
    private static readonly ConsentPages.Text Ask = new("Bu adrese pazarlama e-postası göndermemizi istemiyorsanız düğmeye basın.", "Press the button and we will send no more marketing email to this address.");
    private static readonly ConsentPages.Text Button = new("Abonelikten çık", "Unsubscribe");
    private static readonly ConsentPages.Text DoneTitle = new("Abonelikten çıktınız", "You are unsubscribed");
    private static readonly ConsentPages.Text Done = new("Bu adrese artık pazarlama e-postası göndermeyeceğiz.", "We will send no more marketing email to this address.");

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) => ConsentLinkRequests.RespondAsync(
        request,
        tokens,
        TokenPurpose.Unsubscribe,
        time,
        () => ConsentPages.Page(StatusCodes.Status200OK, Title, Ask, Button, ConsentPages.SelfAction(request)),
        async (token, text, evidence) =>
        {
            await actions.UnsubscribeAsync(text, token, evidence, cancellationToken);
            return ConsentPages.Page(StatusCodes.Status200OK, DoneTitle, Done);
        });
}
