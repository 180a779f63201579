using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LeadFunctions.Functions.Workspace;

/// <summary>POST /api/app/leads/{id}/export (sales): the API's export (GET /api/leads/{id}/export), the same document
/// answered the same way, as a file to save. A form rather than a link, so that only this workspace's page can ask
/// for a person's data.</summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "app/leads/{id}/export",
    Page = true,
    Summary = "Download a lead's data-subject export from the workspace."
)]
public sealed class DownloadLeadExport(WorkspaceGate gate, LeadExporter exporter)
{
    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var visit = await gate.SubmitAsync(
            request,
            WorkspaceSection.Leads,
            WorkspaceRoles.Sales,
            back: LeadDetailPage.PathOf(id)
        );
        if (visit.Refusal is { } refusal)
        {
            return refusal;
        }

        if (await exporter.ExportAsync(id, cancellationToken) is not { } data)
        {
            return LeadPageAnswer.NotFound(visit.Shell);
        }

        var headers = request.HttpContext.Response.Headers;
        headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"lead-{data.Lead.Id}.json",
        }.ToString();
        headers.CacheControl = "no-store";
        return TypedResults.Ok(LeadExport.From(data));
    }
}
