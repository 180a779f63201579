using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// A list's rows as lead submissions (<see cref="LeadRowQueue"/> takes them to lead-import), each row its own
/// submission; a row's own source (a CRM's "Lead Source") before the one the import names. Imported rows carry no
/// email consent unless a consent column says so.
/// </summary>
public sealed class LeadImportRows(string source) : ICsvRows<LeadSubmission>
{
    private Dictionary<string, string>? detail;

    public string Kind => "leads";

    public CsvHeaderMap Columns => CsvColumns.Leads;

    public IReadOnlyList<string> RequiredColumns { get; } = [LeadFormFields.Email];

    public ValidationResult<LeadSubmission> Validate(CsvRow row, string importId, DateTimeOffset receivedAt)
    {
        var form = LeadFormFields.ToForm(row.Fields);
        var validation = LeadFormValidator.Validate(
            form with
            {
                Source = SourceNames.FromLabel(form.Source) ?? source,
            },
            $"{importId}-{row.Line}",
            receivedAt
        );
        // One detail shared by an import's rows; a preview's id never lands in the import read after it.
        detail = detail?["importId"] == importId ? detail : new() { ["importId"] = importId };
        return validation.Value is { } submission
            ? ValidationResult.Success(submission with { SourceDetail = detail, ConsentSource = ConsentSource.Import })
            : validation;
    }
}
