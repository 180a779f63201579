using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// Names, routes, levels and queues match src/LeadFunctions.Host/LeadFunctionBindings.cs (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class PutCampaign(PutCampaignHttpFunction function)
{
    [Function(nameof(PutCampaign))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "put", Route = "campaigns/{id}")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class GetCampaign(GetCampaignHttpFunction function)
{
    [Function(nameof(GetCampaign))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class ListCampaigns(ListCampaignsHttpFunction function)
{
    [Function(nameof(ListCampaigns))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ArchiveCampaign(ArchiveCampaignHttpFunction function)
{
    [Function(nameof(ArchiveCampaign))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "campaigns/{id}")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class PauseCampaign(PauseCampaignHttpFunction function)
{
    [Function(nameof(PauseCampaign))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/pause")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class ResumeCampaign(ResumeCampaignHttpFunction function)
{
    [Function(nameof(ResumeCampaign))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/resume")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class ReleaseHeldSends(ReleaseHeldSendsQueueFunction function)
{
    [Function(nameof(ReleaseHeldSends))]
    public Task Run([QueueTrigger(QueueNames.CampaignResume, Connection = "AzureWebJobsStorage")] CampaignResume message, CancellationToken ct) => function.RunAsync(message, ct);
}
