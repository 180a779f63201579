using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// POST /api/leads/import?source=: a CSV list streamed row by row (<see cref="LeadImportRows"/>); good rows go on
/// lead-import in batches, each bad row is reported with its line. Importing the same file again is safe: people merge.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "leads/import",
    Summary = "Import a CSV list (trade fair, purchased list, CRM export); query source= names the source.",
    BodyMediaType = "text/csv",
    BodyExample = """
        email;firstName;lastName;company
        ali.demir@example.com;Ali;Demir;Demir Lojistik
        """
)]
public sealed class ImportLeads(CsvUpload upload, IImportBatchQueue queue)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var source = query.Text("source") ?? ImportTarget.DefaultSource;
        if (!LeadSources.IsValid(source))
        {
            query.Refuse("source", LeadSources.Rule);
            return query.Refusal;
        }

        return await upload.ImportAsync(
            request,
            new LeadImportRows(source),
            new LeadRowQueue(queue),
            cancellationToken
        );
    }
}
