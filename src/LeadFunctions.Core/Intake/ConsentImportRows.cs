using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// A file's rows as consent decisions made elsewhere, on consent-import in batches for the ledger. Nothing is decided
/// here but whether a row is well-formed; <paramref name="fromIys"/> marks decisions downloaded from İYS, never
/// exported back.
/// </summary>
public sealed class ConsentImportRows(IConsentImportQueue queue, bool fromIys) : ICsvRows<ConsentImportRow>
{
    public string Kind => "consent";

    public CsvHeaderMap Columns => ConsentImportColumns.Map;

    public IReadOnlyList<string> RequiredColumns { get; } = ["email", "status", "date"];

    public int MaxRowsPerMessage => ConsentImportBatch.MaxRows;

    public ValidationResult<ConsentImportRow> Validate(CsvRow row, string importId, DateTimeOffset receivedAt) =>
        ConsentImportRowValidator.Validate(row.Fields, checked((int)row.Line), receivedAt);

    public Task EnqueueAsync(
        string importId,
        int sequence,
        IReadOnlyList<ConsentImportRow> rows,
        CancellationToken cancellationToken
    ) =>
        queue.EnqueueAsync(
            new ConsentImportBatch(importId, rows) { Sequence = sequence, FromIys = fromIys },
            cancellationToken
        );
}
