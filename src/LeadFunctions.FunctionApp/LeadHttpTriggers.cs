using LeadFunctions.Functions.Engagement;
using LeadFunctions.Functions.Health;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Scoring;
using LeadFunctions.Functions.Webinars;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// Names, routes and levels match src/LeadFunctions.Host/LeadFunctionBindings.cs (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class SubmitLead(SubmitLeadHttpFunction function)
{
    [Function(nameof(SubmitLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ImportLeads(ImportLeadsHttpFunction function)
{
    [Function(nameof(ImportLeads))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "leads/import")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class SubmitEvent(SubmitEventHttpFunction function)
{
    [Function(nameof(SubmitEvent))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "events")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ZoomWebinarWebhook(ZoomWebhookHttpFunction function)
{
    [Function(nameof(ZoomWebinarWebhook))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/webinars/zoom")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class GenericWebinarWebhook(GenericWebinarWebhookHttpFunction function)
{
    [Function(nameof(GenericWebinarWebhook))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/webinars/generic")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ListLeads(ListLeadsHttpFunction function)
{
    [Function(nameof(ListLeads))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "leads")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class GetLead(GetLeadHttpFunction function)
{
    [Function(nameof(GetLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "leads/{id}")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class GetLeadTimeline(GetLeadTimelineHttpFunction function)
{
    [Function(nameof(GetLeadTimeline))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "leads/{id}/timeline")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class ExportLead(ExportLeadHttpFunction function)
{
    [Function(nameof(ExportLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "leads/{id}/export")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class QualifyLead(QualifyLeadHttpFunction function)
{
    [Function(nameof(QualifyLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "leads/{id}/qualify")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class DisqualifyLead(DisqualifyLeadHttpFunction function)
{
    [Function(nameof(DisqualifyLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "leads/{id}/disqualify")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class ConvertLead(ConvertLeadHttpFunction function)
{
    [Function(nameof(ConvertLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "leads/{id}/convert")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class WinLead(WinLeadHttpFunction function)
{
    [Function(nameof(WinLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "leads/{id}/win")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class GetScoringModel(GetScoringModelHttpFunction function)
{
    [Function(nameof(GetScoringModel))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "scoring-model")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class PutScoringModel(PutScoringModelHttpFunction function)
{
    [Function(nameof(PutScoringModel))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "scoring-model")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class GetHealth(GetHealthHttpFunction function)
{
    [Function(nameof(GetHealth))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class EraseLead(EraseLeadHttpFunction function)
{
    [Function(nameof(EraseLead))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "leads/{id}")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}
