using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>The answers the lead page's functions share: the page (again, with a form's errors), the way back to it
/// after a change (303, so a reload posts nothing), and no such lead.</summary>
internal static class LeadPageAnswer
{
    public static async Task<IResult> ShowAsync(
        LeadFileReader reader,
        WorkspaceShell shell,
        string leadId,
        LeadPageNotice notice,
        int status,
        CancellationToken cancellationToken,
        int entries = LeadFileReader.PageOfEntries
    ) =>
        await reader.ReadAsync(leadId, entries, cancellationToken) is { } file
            ? WorkspacePageResult.Status(status, LeadDetailPage.Render(shell, file, notice))
            : NotFound(shell);

    public static SeeOtherResult Done(string leadId, string done) =>
        new(new Uri($"{LeadDetailPage.PathOf(leadId)}?done={Uri.EscapeDataString(done)}", UriKind.Relative));

    public static IResult NotFound(WorkspaceShell shell) =>
        WorkspacePageResult.Status(
            StatusCodes.Status404NotFound,
            WorkspaceMessage.Render(shell, TextId.WorkspaceNotFound)
        );
}
