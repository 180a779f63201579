using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// Names, routes, levels and queues match src/LeadFunctions.Host/LeadFunctionBindings.cs (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class EnrollLeads(EnrollLeadsHttpFunction function)
{
    [Function(nameof(EnrollLeads))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/enrollments")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class EnrollCampaignLeads(EnrollCampaignLeadsQueueFunction function)
{
    [Function(nameof(EnrollCampaignLeads))]
    public Task Run([QueueTrigger(QueueNames.CampaignEnrollment, Connection = "AzureWebJobsStorage")] CampaignEnrollmentRequest message, CancellationToken ct) => function.RunAsync(message, ct);
}
