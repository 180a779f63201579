using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>GET /api/consent/confirm?t=</c> shows one button (link scanners only GET); <c>POST</c> confirms the pending
/// grant the link names, recorded with the click's address and time. A second confirmation changes nothing.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    "post",
    Route = "consent/confirm",
    Summary = "GET shows the double opt-in page; POST confirms the grant the signed token names; answers HTML "
        + "pages."
)]
public sealed class ConfirmConsent(ConsentTokens tokens, ConsentLinkActions actions, TimeProvider time)
{
    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ConsentLinkRequests.RespondAsync(
            request,
            tokens,
            TokenPurpose.Confirm,
            time,
            () => ConsentPages.Ask(request, TextId.ConfirmPageTitle, TextId.ConfirmPageAsk, TextId.ConfirmPageButton),
            async (token, _, evidence) =>
                await actions.ConfirmAsync(token, evidence, cancellationToken) switch
                {
                    LinkOutcome.Done => ConsentPages.Page(
                        StatusCodes.Status200OK,
                        TextId.ConfirmPageDoneTitle,
                        TextId.ConfirmPageDone
                    ),
                    LinkOutcome.AlreadyDone => ConsentPages.Page(
                        StatusCodes.Status200OK,
                        TextId.ConfirmPageDoneTitle,
                        TextId.ConfirmPageAlreadyDone
                    ),
                    _ => ConsentPages.Page(
                        StatusCodes.Status409Conflict,
                        TextId.ConfirmPageNothingTitle,
                        TextId.ConfirmPageNothing
                    ),
                }
        );
}
