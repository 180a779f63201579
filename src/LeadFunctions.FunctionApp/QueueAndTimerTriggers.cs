using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Functions.Engagement;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Sales;
using LeadFunctions.Functions.Scoring;
using Microsoft.Azure.Functions.Worker;

namespace LeadFunctions.FunctionApp;

// Names, queues and schedules match src/LeadFunctions.Host/LeadFunctionBindings.cs (tests/LeadFunctions.FunctionApp.Tests/Bindings checks).
public sealed class ProcessLeadIntake(ProcessLeadIntakeQueueFunction function)
{
    [Function(nameof(ProcessLeadIntake))]
    public Task Run([QueueTrigger(QueueNames.LeadIntake, Connection = "AzureWebJobsStorage")] LeadSubmission message, CancellationToken ct) => function.RunAsync(message, ct);
}

public sealed class ProcessImportBatch(ProcessImportBatchQueueFunction function)
{
    [Function(nameof(ProcessImportBatch))]
    public Task Run([QueueTrigger(QueueNames.LeadImport, Connection = "AzureWebJobsStorage")] ImportBatch message, CancellationToken ct) => function.RunAsync(message, ct);
}

public sealed class RecordEngagement(RecordEngagementQueueFunction function)
{
    [Function(nameof(RecordEngagement))]
    public Task Run([QueueTrigger(QueueNames.LeadEvents, Connection = "AzureWebJobsStorage")] EngagementEvent message, CancellationToken ct) => function.RunAsync(message, ct);
}

public sealed class DeliverSalesHandoff(DeliverSalesHandoffQueueFunction function)
{
    [Function(nameof(DeliverSalesHandoff))]
    public Task Run([QueueTrigger(QueueNames.SalesHandoff, Connection = "AzureWebJobsStorage")] SalesHandoff message, CancellationToken ct) => function.RunAsync(message, ct);
}

public sealed class RescoreLeadPart(RescoreLeadPartQueueFunction function)
{
    [Function(nameof(RescoreLeadPart))]
    public Task Run([QueueTrigger(QueueNames.LeadRescore, Connection = "AzureWebJobsStorage")] RescorePart message, CancellationToken ct) => function.RunAsync(message, ct);
}

public sealed class RescoreLeads(RescoreLeadsTimerFunction function)
{
    [Function(nameof(RescoreLeads))]
    public Task Run([TimerTrigger(RescoreLeadsTimerFunction.Schedule)] TimerInfo timer, CancellationToken ct) => function.RunAsync(timer.ToRunInfo(), ct);
}
