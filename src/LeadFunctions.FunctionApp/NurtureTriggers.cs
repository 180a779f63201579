using Azure.Storage.Queues.Models;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Nurture;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// Nurture sending, stats and preview: names, routes, levels, queues and schedules match src/LeadFunctions.Host/LeadFunctionBindings.cs
// (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class SendNurtureEmails(SendNurtureEmailsTimerFunction function)
{
    [Function(nameof(SendNurtureEmails))]
    public Task Run([TimerTrigger(SendNurtureEmailsTimerFunction.Schedule)] TimerInfo timer, CancellationToken ct) => function.RunAsync(timer.ToRunInfo(), ct);
}

public sealed class SendNurtureEmail(SendNurtureEmailQueueFunction function)
{
    // Bound as a QueueMessage for its DequeueCount; the body is read as the self-hosted runtime reads it.
    [Function(nameof(SendNurtureEmail))]
    public Task Run([QueueTrigger(QueueNames.NurtureSend, Connection = "AzureWebJobsStorage")] QueueMessage message, CancellationToken ct) =>
        function.RunAsync(QueueMessageBody.Read<NurtureSendBatch>(message.Body, QueueNames.NurtureSend), message.DequeueCount, ct);
}

public sealed class GetCampaignStats(GetCampaignStatsHttpFunction function)
{
    [Function(nameof(GetCampaignStats))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "campaigns/{id}/stats")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}

public sealed class PreviewCampaign(PreviewCampaignHttpFunction function)
{
    [Function(nameof(PreviewCampaign))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "campaigns/{id}/preview")] HttpRequest request, string id, CancellationToken ct) => function.RunAsync(request, id, ct).AsActionResult();
}
