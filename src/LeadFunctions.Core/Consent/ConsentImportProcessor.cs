using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Applies a batch of imported decisions to the ledger, each row as its own record (a refusal wins over an older
/// grant by the ledger's rule). The record id comes from the decision itself, so importing a file again records nothing
/// new.
/// </summary>
public sealed class ConsentImportProcessor(IConsentRecorder recorder)
{
    private const int Parallelism = 8;

    public Task ProcessAsync(ConsentImportBatch batch, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            batch.Rows,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, ct) => await recorder.RecordAsync(row.Email, Record(batch, row), ct)
        );

    private static ConsentRecord Record(ConsentImportBatch batch, ConsentImportRow row) =>
        new()
        {
            Id =
                "import-"
                + StableId.From(
                    row.Email,
                    row.Channel.ToString(),
                    row.Granted.ToString(),
                    row.DecidedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    row.IysSource
                ),
            Channel = row.Channel,
            Action = row.Granted ? ConsentAction.Granted : ConsentAction.Refused,
            At = row.DecidedAt,
            Source = batch.FromIys ? ConsentSource.IysImport : ConsentSource.Import,
            RecipientType = row.RecipientType,
            IysSource = row.IysSource,
            Evidence = $"consent import {batch.ImportId}, line {row.Line}",
        };
}
