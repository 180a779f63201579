using LeadFunctions.Functions.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// The dashboard: name, route and level match src/LeadFunctions.Host/LeadFunctionBindings.cs (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class GetDashboard(GetDashboardHttpFunction function)
{
    [Function(nameof(GetDashboard))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}
