using LeadFunctions.Functions.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// Reports: names, routes and levels match src/LeadFunctions.Host/LeadFunctionBindings.cs (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class GetReferralReport(GetReferralReportHttpFunction function)
{
    [Function(nameof(GetReferralReport))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/referrals")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class GetFunnelReport(GetFunnelReportHttpFunction function)
{
    [Function(nameof(GetFunnelReport))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/funnel")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}
