using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Leads;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// POST /api/leads/import?source=: a CSV list streamed row by row; good rows go on lead-import in
/// batches, each row its own submission; each bad row is reported with its line. Imported rows carry no email
/// consent unless a consent column says so. Importing the same file again is safe: people merge.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function, "post", Route = "leads/import",
    Summary = "Import a CSV list (trade fair, purchased list, CRM export); query source= names the source.",
    BodyMediaType = "text/csv",
    BodyExample = """
        email;firstName;lastName;company
        ali.demir@example.com;Ali;Demir;Demir Lojistik
        """)]
public sealed class ImportLeads(CsvImporter importer, IImportBatchQueue queue)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var source = request.Query["source"].FirstOrDefault() ?? "import";
        if (!LeadSources.IsValid(source))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["source"] = [LeadSources.Rule] });
        }

        return await importer.ImportAsync(request, new LeadRows(source, queue), cancellationToken);
    }
}

/// <summary>A list's rows as lead submissions; a row's own source (a CRM's "Lead Source") before the query's.</summary>
file sealed class LeadRows(string source, IImportBatchQueue queue) : ICsvRows<LeadSubmission>
{
    private Dictionary<string, string>? detail;

    public string Kind => "leads";

    public CsvHeaderMap Columns => CsvColumns.Leads;

    public IReadOnlyList<string> RequiredColumns { get; } = [LeadFormFields.Email];

    public int MaxRowsPerMessage => ImportBatch.MaxRows;

    public ValidationResult<LeadSubmission> Validate(CsvRow row, string importId, DateTimeOffset receivedAt)
    {
        var form = LeadFormFields.ToForm(row.Fields);
        var validation = LeadFormValidator.Validate(form with { Source = SourceNames.FromLabel(form.Source) ?? source }, $"{importId}-{row.Line}", receivedAt);
        detail ??= new() { ["importId"] = importId };
        return validation.Value is { } submission ? ValidationResult.Success(submission with { SourceDetail = detail, ConsentSource = ConsentSource.Import }) : validation;
    }

    public Task EnqueueAsync(string importId, int sequence, IReadOnlyList<LeadSubmission> rows, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(new ImportBatch(importId, sequence, rows), cancellationToken);
}
