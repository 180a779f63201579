using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/suppressions[?email=]: the admin's suppressions: one address looked up by its hash, and the
/// first page of them (as GET /api/suppressions).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/suppressions",
    Page = true,
    Summary = "The workspace's suppressions page (admin)."
)]
public sealed class ShowSuppressions(WorkspaceGate gate, ISuppressionList suppressions)
{
    /// <summary>Suppressions listed: one page of the table, whatever its size.</summary>
    public const int Shown = 25;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Suppressions, WorkspaceRoles.Admin);
        if (visit.Refusal is not null)
        {
            return visit.Refusal;
        }

        var typed = request.Query["email"].FirstOrDefault()?.Trim() ?? string.Empty;
        var valid = EmailAddress.TryNormalize(typed, out var email);
        var suppressed = valid ? await suppressions.IsSuppressedAsync(email, cancellationToken) : (bool?)null;
        var notice = (typed.Length > 0, valid, request.Query["done"].FirstOrDefault()) switch
        {
            (true, false, _) => Texts.Get(TextId.SuppressionsNotAnAddress, visit.Shell.Language),
            (_, _, "lifted") => Texts.Get(TextId.SuppressionsLifted, visit.Shell.Language),
            _ => string.Empty,
        };
        var newest = await suppressions.ListAsync(Shown, null, cancellationToken);
        var page = SuppressionsPage.Render(
            visit.Shell,
            valid ? email : typed,
            suppressed,
            notice,
            typed.Length > 0 && !valid,
            newest.Items
        );
        return WorkspacePageResult.Status(
            typed.Length > 0 && !valid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            page
        );
    }
}
