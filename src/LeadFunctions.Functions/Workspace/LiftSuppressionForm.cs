using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/suppressions/lift: an admin lifts an address's suppression (as DELETE
/// /api/suppressions/{hash}), logged with who did it.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/suppressions/lift",
    Page = true,
    Summary = "Lift a suppression from the workspace (admin)."
)]
public sealed partial class LiftSuppressionForm(
    WorkspaceGate gate,
    ISuppressionList suppressions,
    ILogger<LiftSuppressionForm> logger
)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(
            request,
            WorkspaceSection.Suppressions,
            WorkspaceRoles.Admin,
            back: WorkspacePaths.Suppressions
        );
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (!EmailAddress.TryNormalize(form["email"].FirstOrDefault(), out var email))
        {
            return WorkspaceGate.Expired(visit.Shell);
        }

        var hash = SuppressionKey.For(email);
        var lifted = await suppressions.LiftAsync(hash, cancellationToken);
        if (lifted)
        {
            Lifted(logger, hash, visit.User.Name);
        }

        var back = $"{WorkspacePaths.Suppressions}?email={Uri.EscapeDataString(email)}{(lifted ? "&done=lifted" : "")}";
        return new SeeOtherResult(new Uri(back, UriKind.Relative));
    }

    [LoggerMessage(
        EventId = 1410,
        Level = LogLevel.Warning,
        Message = "Suppression {Hash} lifted in the workspace by {User}"
    )]
    private static partial void Lifted(ILogger logger, string hash, string user);
}
