using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// POST /api/consent/import[?origin=iys]: a CSV of consent decisions made elsewhere (a call centre's list, or with
/// <c>origin=iys</c> an İYS download, whose decisions are never exported back to İYS), streamed like a lead list; good
/// rows go on consent-import in batches for the ledger, each bad row is reported with its line. Nothing is decided
/// here but whether a row is well-formed.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function, "post", Route = "consent/import",
    Summary = "Import consent decisions made elsewhere as CSV: a call centre's list (exported to İYS as ours), or " +
        "with query origin=iys a download from İYS (never exported back).",
    BodyMediaType = "text/csv",
    BodyExample = """
        email,status,date,source
        ali.demir@example.com,ONAY,2026-11-02T10:00:00Z,iys
        """)]
public sealed class ImportConsent(CsvImporter importer, IConsentImportQueue queue)
{
    public const string IysOrigin = "iys";

    public Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken) => request.Query["origin"].ToString() switch
    {
        "" => importer.ImportAsync(request, new ConsentRows(queue, FromIys: false), cancellationToken),
        IysOrigin => importer.ImportAsync(request, new ConsentRows(queue, FromIys: true), cancellationToken),
        _ => Task.FromResult<IResult>(Problems.Invalid(new Dictionary<string, string[]> { ["origin"] = [$"Must be \"{IysOrigin}\" (a file downloaded from İYS), or left out."] })),
    };
}

file sealed class ConsentRows(IConsentImportQueue queue, bool FromIys) : ICsvRows<ConsentImportRow>
{
    public string Kind => "consent";

    public CsvHeaderMap Columns => ConsentImportColumns.Map;

    public IReadOnlyList<string> RequiredColumns { get; } = ["email", "status", "date"];

    public int MaxRowsPerMessage => ConsentImportBatch.MaxRows;

    public ValidationResult<ConsentImportRow> Validate(CsvRow row, string importId, DateTimeOffset receivedAt) =>
        ConsentImportRowValidator.Validate(row.Fields, checked((int)row.Line), receivedAt);

    public Task EnqueueAsync(string importId, int sequence, IReadOnlyList<ConsentImportRow> rows, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(new ConsentImportBatch(importId, rows) { Sequence = sequence, FromIys = FromIys }, cancellationToken);
}
