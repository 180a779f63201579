using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>GET /api/app/leads?q=&amp;stage=&amp;source=&amp;temperature=&amp;minScore=&amp;page=: the lead search, one
/// page of the API list's query.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "get",
    Route = "app/leads",
    Page = true,
    Summary = "The workspace's lead search."
)]
public sealed class ShowLeads(WorkspaceGate gate, LeadSearch search)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var visit = await gate.OpenAsync(request, WorkspaceSection.Leads);
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        var result = await search.SearchAsync(
            LeadSearchForm.Read(name => request.Query[name].FirstOrDefault()),
            cancellationToken
        );
        var page = LeadSearchPage.Render(visit.Shell, result, request.Query["done"].FirstOrDefault());
        return WorkspacePageResult.Status(
            result.Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
            page
        );
    }
}
