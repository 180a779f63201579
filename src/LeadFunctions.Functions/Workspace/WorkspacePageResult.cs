using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// A workspace page: what every page of ours gets (<see cref="HtmlPageResult"/>: no framing, no referrer, not
/// cached), and scripts only from the app itself, so no inline script can run; requests (htmx) and forms only to
/// the app; images only as data: URLs.
/// </summary>
public static class WorkspacePageResult
{
    private const string Policy = "script-src 'self'; connect-src 'self'; form-action 'self'; img-src data:";

    public static IResult Ok(string html) => new HtmlPageResult(StatusCodes.Status200OK, html, Policy);

    public static IResult Status(int status, string html) => new HtmlPageResult(status, html, Policy);
}
