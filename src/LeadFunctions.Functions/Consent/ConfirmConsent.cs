using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>GET /api/consent/confirm?t=</c> shows one button (link scanners only GET); <c>POST</c> confirms the pending
/// grant the link names, recorded with the click's address and time. A second confirmation changes nothing.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous, "get", "post", Route = "consent/confirm",
    Summary = "GET shows the double opt-in page; POST confirms the grant the signed token names; answers HTML " +
        "pages.")]
public sealed class ConfirmConsent(ConsentTokens tokens, ConsentLinkActions actions, TimeProvider time)
{
    private static readonly ConsentPages.Text Title = new("Aboneliğinizi onaylayın", "Confirm your subscription");
    private static readonly ConsentPages.Text Ask = new("E-postalarımızı almak istediğinizi onaylamak için düğmeye basın.", "Press the button to confirm that you want to receive our emails.");
    private static readonly ConsentPages.Text Button = new("Onaylıyorum", "I confirm");
    private static readonly ConsentPages.Text DoneTitle = new("Teşekkürler", "Thank you");
    private static readonly ConsentPages.Text Done = new("Aboneliğiniz onaylandı.", "Your subscription is confirmed.");
    private static readonly ConsentPages.Text Already = new("Aboneliğiniz zaten onaylanmıştı.", "Your subscription was already confirmed.");
    private static readonly ConsentPages.Text NothingTitle = new("Onaylanacak bir şey yok", "Nothing to confirm");
    private static readonly ConsentPages.Text Nothing = new("Bu bağlantıyla onaylanacak bir abonelik yok.", "There is no subscription to confirm with this link.");

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) => ConsentLinkRequests.RespondAsync(
        request,
        tokens,
        TokenPurpose.Confirm,
        time,
        () => ConsentPages.Page(StatusCodes.Status200OK, Title, Ask, Button, ConsentPages.SelfAction(request)),
        async (token, _, evidence) => await actions.ConfirmAsync(token, evidence, cancellationToken) switch
        {
            LinkOutcome.Done => ConsentPages.Page(StatusCodes.Status200OK, DoneTitle, Done),
            LinkOutcome.AlreadyDone => ConsentPages.Page(StatusCodes.Status200OK, DoneTitle, Already),
            _ => ConsentPages.Page(StatusCodes.Status409Conflict, NothingTitle, Nothing),
        });
}
