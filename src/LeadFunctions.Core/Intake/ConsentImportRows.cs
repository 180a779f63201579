using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// A file's rows as consent decisions made elsewhere (<see cref="ConsentRowQueue"/> takes them to the ledger). Nothing
/// is decided here but whether a row is well-formed.
/// </summary>
public sealed class ConsentImportRows : ICsvRows<ConsentImportRow>
{
    public string Kind => "consent";

    public CsvHeaderMap Columns => ConsentImportColumns.Map;

    public IReadOnlyList<string> RequiredColumns { get; } = ["email", "status", "date"];

    public ValidationResult<ConsentImportRow> Validate(CsvRow row, string importId, DateTimeOffset receivedAt) =>
        ConsentImportRowValidator.Validate(row.Fields, checked((int)row.Line), receivedAt);
}
