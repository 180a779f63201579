using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Functions.Consent;
using LeadFunctions.Functions.Email;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// Consent, suppression and SendGrid: names, routes, levels and queues match src/LeadFunctions.Host/LeadFunctionBindings.cs
// (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class GetLeadConsent(GetLeadConsentHttpFunction function)
{
    [Function(nameof(GetLeadConsent))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "leads/{id}/consent")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class Unsubscribe(UnsubscribeHttpFunction function)
{
    [Function(nameof(Unsubscribe))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "unsubscribe")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ConfirmConsent(ConfirmConsentHttpFunction function)
{
    [Function(nameof(ConfirmConsent))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "consent/confirm")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ExportIysConsent(IysExportHttpFunction function)
{
    [Function(nameof(ExportIysConsent))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "consent/iys-export")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ImportConsent(ImportConsentHttpFunction function)
{
    [Function(nameof(ImportConsent))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "consent/import")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class ListSuppressions(ListSuppressionsHttpFunction function)
{
    [Function(nameof(ListSuppressions))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppressions")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class LiftSuppression(LiftSuppressionHttpFunction function)
{
    [Function(nameof(LiftSuppression))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "suppressions/{hash}")] HttpRequest request, string hash, CancellationToken ct) => function.RunAsync(request, hash, ct).AsActionResult();
}

public sealed class SendGridEventWebhook(SendGridEventWebhookHttpFunction function)
{
    [Function(nameof(SendGridEventWebhook))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/sendgrid")] HttpRequest request, CancellationToken ct) => function.RunAsync(request, ct).AsActionResult();
}

public sealed class SendConsentConfirmation(SendConsentConfirmationQueueFunction function)
{
    [Function(nameof(SendConsentConfirmation))]
    public Task Run([QueueTrigger(QueueNames.ConsentConfirmation, Connection = "AzureWebJobsStorage")] ConfirmationRequest message, CancellationToken ct) => function.RunAsync(message, ct);
}

public sealed class ProcessConsentImport(ProcessConsentImportQueueFunction function)
{
    [Function(nameof(ProcessConsentImport))]
    public Task Run([QueueTrigger(QueueNames.ConsentImport, Connection = "AzureWebJobsStorage")] ConsentImportBatch message, CancellationToken ct) => function.RunAsync(message, ct);
}

public sealed class ProcessSendGridEvents(ProcessSendGridEventsQueueFunction function)
{
    [Function(nameof(ProcessSendGridEvents))]
    public Task Run([QueueTrigger(QueueNames.SendGridEvents, Connection = "AzureWebJobsStorage")] SendGridEventBatch message, CancellationToken ct) => function.RunAsync(message, ct);
}
