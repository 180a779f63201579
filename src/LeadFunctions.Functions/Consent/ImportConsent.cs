using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// POST /api/consent/import[?origin=iys]: a CSV of consent decisions made elsewhere (a call centre's list, or with
/// <c>origin=iys</c> an İYS download, whose decisions are never exported back to İYS), streamed like a lead list
/// (<see cref="ConsentImportRows"/>); each bad row is reported with its line.
/// </summary>
[HttpFunction(AuthorizationLevel.Function, "post", Route = "consent/import")]
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
            request, new ConsentImportRows(queue, fromIys: origin == IysOrigin), cancellationToken);
    }
}
