using LeadFunctions.Core.Dashboard;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Dashboard;

/// <summary>GET /api/dashboard: the operator's page, in Turkish when the browser prefers it (Accept-Language), else
/// English.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "dashboard",
    Summary = "The operator's dashboard as an HTML page (Turkish or English by Accept-Language): funnel by source, "
        + "score and temperature, recent MQLs, campaigns, overdue or failing work. The key may come as ?code= "
        + "so a browser can open it."
)]
public sealed class GetDashboard(DashboardBuilder dashboard)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var accepted = request
            .GetTypedHeaders()
            .AcceptLanguage.Select(l => (l.Value.Value ?? string.Empty, l.Quality ?? 1.0));
        var page = DashboardPage.Render(await dashboard.BuildAsync(cancellationToken), PreferredLanguage.Of(accepted));
        // Images only as data: URLs, so nothing on the page can be fetched from elsewhere.
        return new HtmlPageResult(StatusCodes.Status200OK, page, "img-src data:");
    }
}
