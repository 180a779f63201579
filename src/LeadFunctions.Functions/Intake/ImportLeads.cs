using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// POST /api/leads/import?source=: a CSV list streamed row by row (<see cref="LeadImportRows"/>); good rows go on
/// lead-import in batches, each bad row is reported with its line. Importing the same file again is safe: people merge.
/// </summary>
[HttpFunction(AuthorizationLevel.Function, "post", Route = "leads/import")]
public sealed class ImportLeads(CsvUpload upload, IImportBatchQueue queue)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var source = query.Text("source") ?? "import";
        if (!LeadFormValidator.IsValidSource(source))
        {
            query.Refuse("source", LeadFormValidator.SourceRule);
            return query.Refusal;
        }

        return await upload.ImportAsync(request, new LeadImportRows(source, queue), cancellationToken);
    }
}
