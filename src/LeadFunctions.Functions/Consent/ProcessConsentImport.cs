using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>consent-import: a batch of decisions made elsewhere, onto each person's ledger.</summary>
[QueueFunction(QueueNames.ConsentImport)]
public sealed class ProcessConsentImport(ConsentImportProcessor processor)
{
    public Task RunAsync(ConsentImportBatch message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(message, cancellationToken);
}
