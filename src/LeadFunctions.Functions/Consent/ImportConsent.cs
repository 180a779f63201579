using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// POST /api/consent/import[?origin=iys]: a CSV of consent decisions made elsewhere (a call centre's list, or with
/// <c>origin=iys</c> an İYS download, whose decisions are never exported back to İYS), streamed like a lead list
/// (<see cref="ConsentImportRows"/>, <see cref="ConsentRowQueue"/>); each bad row is reported with its line.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "consent/import",
    Summary = "Import consent decisions made elsewhere as CSV: a call centre's list (exported to İYS as ours), or "
        + "with query origin=iys a download from İYS (never exported back).",
    BodyMediaType = "text/csv",
    BodyExample = """
        email,status,date,source
        ali.demir@example.com,ONAY,2026-11-02T10:00:00Z,iys
        """
)]
public sealed class ImportConsent(CsvUpload upload, IConsentImportQueue queue)
{
    public const string IysOrigin = "iys";

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var origin = query.Text("origin");
        if (origin is not (null or IysOrigin))
        {
            query.Refuse("origin", $"Must be \"{IysOrigin}\" (a file downloaded from İYS), or left out.");
            return query.Refusal;
        }

        return await upload.ImportAsync(
            request,
            new ConsentImportRows(),
            new ConsentRowQueue(queue, fromIys: origin == IysOrigin),
            cancellationToken
        );
    }
}
