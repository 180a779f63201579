using LeadFunctions.Core.Consent;
using CsvHelper;
using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Leads;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// POST /api/leads/import?source=: a CSV list streamed row by row; good rows go on lead-import in
/// batches, each row its own submission; each bad row is reported with its line. Imported rows carry no email
/// consent unless a consent column says so. Importing the same file again is safe: people merge.
/// </summary>
public sealed partial class ImportLeadsHttpFunction(IImportBatchQueue queue, TimeProvider time, ILogger<ImportLeadsHttpFunction> logger)
{
    public const long MaxBodyBytes = 50L * 1024 * 1024;
    public const int MaxReportedRejections = 1000;
    private const int EnqueueConcurrency = 8;
    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!CsvTypes.Any(t => request.ContentType?.StartsWith(t, StringComparison.OrdinalIgnoreCase) == true))
        {
            return Problems.UnsupportedMediaType("text/csv");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Problems.TooLarge((int)MaxBodyBytes);
        }

        var source = request.Query["source"].FirstOrDefault() ?? "import";
        if (!LeadFormValidator.IsValidSource(source))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["source"] = [LeadFormValidator.SourceRule] });
        }

        // The server's own limit above ours: a body sent without Content-Length then meets ours first (an
        // answer that says which rows were queued), and after answering the server can still read and drop
        // the rest of a file up to twice the size; stopped at its own limit it would drop the connection
        // instead, and the client would never see the answer.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = 2 * MaxBodyBytes;
        }

        var importId = Guid.CreateVersion7().ToString("N");
        var report = new ImportReport(importId);
        using var reader = new CsvLeadReader(new LimitedReadStream(request.Body, MaxBodyBytes));
        try
        {
            if (!await reader.ReadHeaderAsync())
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["header"] = [$"No email column (Email, E-posta, ...) among: {string.Join(", ", reader.Headers)}."] });
            }

            await EnqueueRowsAsync(reader, report, source, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return TypedResults.Problem(
                $"The file is over {MaxBodyBytes / 1024 / 1024} MB. The first {report.Accepted} rows were queued (import {importId}); split the file and import the rest (importing rows again is safe).",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload too large.");
        }
        catch (CsvHelperException ex)
        {
            return Problems.BadRequest($"The CSV could not be read ({ex.Message.Split('\n')[0]}). The first {report.Accepted} rows were queued (import {importId}).");
        }

        Imported(logger, importId, report.Accepted, report.RejectedCount);
        return TypedResults.Accepted((string?)null, report.ToView());
    }

    private async Task EnqueueRowsAsync(CsvLeadReader reader, ImportReport report, string source, CancellationToken cancellationToken)
    {
        var batcher = new ImportBatcher(report.ImportId, queue, EnqueueConcurrency);
        try
        {
            await ReadRowsAsync(reader, report, source, batcher, cancellationToken);
        }
        catch (Exception ex) when (ex is BodyTooLargeException or CsvHelperException)
        {
            // The rows accepted before the file went wrong are queued, as the answer says.
            await batcher.FlushAsync(cancellationToken);
            throw;
        }

        await batcher.FlushAsync(cancellationToken);
    }

    private async Task ReadRowsAsync(CsvLeadReader reader, ImportReport report, string source, ImportBatcher batcher, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var detail = new Dictionary<string, string> { ["importId"] = report.ImportId };
        while (await reader.ReadRowAsync() is { } row)
        {
            var form = LeadFormMapper.ToForm(row.Fields) with { Source = source };
            var validation = LeadFormValidator.Validate(form, $"{report.ImportId}-{row.Line}", receivedAt);
            if (row.Malformed || validation.Value is not { } submission)
            {
                report.Reject(row.Line, row.Malformed ? MalformedRow(row) : validation.Errors);
                continue;
            }

            await batcher.AddAsync(submission with { SourceDetail = detail, ConsentSource = ConsentSource.Import }, cancellationToken);
            report.Accept();
        }
    }

    private static Dictionary<string, string[]> MalformedRow(CsvRow row) => new()
    {
        ["row"] = [row.LastLine > row.Line
            ? $"Malformed CSV (an unbalanced quote?): lines {row.Line} to {row.LastLine} were read as one row and none of them was imported."
            : "Malformed CSV (an unbalanced quote?)."],
    };

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Import {ImportId}: {Accepted} rows queued, {Rejected} rejected")]
    private static partial void Imported(ILogger logger, string importId, int accepted, int rejected);
}
