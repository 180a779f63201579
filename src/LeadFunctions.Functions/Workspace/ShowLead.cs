using System.Globalization;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/leads/{id}?entries=&amp;done=: a lead's page, with the confirmation of what was just done
/// and as many timeline entries as asked (within the page's bound).</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/leads/{id}",
    Page = true,
    Summary = "A lead's page in the workspace."
)]
public sealed class ShowLead(WorkspaceGate gate, LeadFileReader reader)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Leads);
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var entries = int.TryParse(
            request.Query["entries"].FirstOrDefault(),
            NumberStyles.None,
            CultureInfo.InvariantCulture,
            out var asked
        )
            ? asked
            : LeadFileReader.PageOfEntries;
        return await LeadPageAnswer.ShowAsync(
            reader,
            visit.Shell,
            id,
            new LeadPageNotice { Done = request.Query["done"].FirstOrDefault() },
            StatusCodes.Status200OK,
            cancellationToken,
            entries
        );
    }
}
