using LeadFunctions.Core.Consent;

namespace LeadFunctions.Functions.Consent;

/// <summary>consent-import: a batch of decisions made elsewhere, onto each person's ledger.</summary>
public sealed class ProcessConsentImportQueueFunction(ConsentImportProcessor processor)
{
    public Task RunAsync(ConsentImportBatch message, CancellationToken cancellationToken) => processor.ProcessAsync(message, cancellationToken);
}
