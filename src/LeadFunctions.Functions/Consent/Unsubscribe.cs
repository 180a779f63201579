using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>GET /api/unsubscribe?t=</c> shows one button and changes nothing (mail scanners follow links);
/// <c>POST</c> (the button, or RFC 8058 <c>List-Unsubscribe=One-Click</c>) withdraws email consent at once,
/// suppresses the address and, for a campaign email's link, counts the unsubscribe on its step.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    "post",
    Route = "unsubscribe",
    Summary = "GET shows the unsubscribe page; POST (the button or RFC 8058 one-click) withdraws consent and "
        + "suppresses the address; answers HTML pages."
)]
public sealed class Unsubscribe(ConsentTokens tokens, ConsentLinkActions actions, TimeProvider time)
{
    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ConsentLinkRequests.RespondAsync(
            request,
            tokens,
            TokenPurpose.Unsubscribe,
            time,
            () =>
                ConsentPages.Ask(
                    request,
                    TextId.UnsubscribePageTitle,
                    TextId.UnsubscribePageAsk,
                    TextId.UnsubscribePageButton
                ),
            async (token, text, evidence) =>
            {
                await actions.UnsubscribeAsync(text, token, evidence, cancellationToken);
                return ConsentPages.Page(
                    StatusCodes.Status200OK,
                    TextId.UnsubscribePageDoneTitle,
                    TextId.UnsubscribePageDone
                );
            }
        );
}
