using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// A CSV import's request and answer: the charset it declares chosen (with none, <see cref="CsvDecoding"/> detects
/// it), the size limit told to the server, the file handed to <see cref="CsvImporter"/> and its outcome answered (202
/// with the report, 400, 413, 415).
/// </summary>
public sealed partial class CsvUpload(CsvImporter importer, ILogger<CsvUpload> logger)
{
    public async Task<IResult> ImportAsync<T>(
        HttpRequest request,
        ICsvRows<T> rows,
        ICsvRowQueue<T> queue,
        CancellationToken cancellationToken
    )
        where T : class
    {
        if (
            !MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !CsvMediaTypes.IsCsv(contentType.MediaType.Value)
        )
        {
            return Problems.UnsupportedMediaType("text/csv");
        }

        var charset = contentType.Charset.Value;
        var declared = string.IsNullOrWhiteSpace(charset) ? null : CsvCharset.Find(charset);
        if (declared is null && !string.IsNullOrWhiteSpace(charset))
        {
            return Problems.UnknownCharset(charset);
        }

        if (request.ContentLength > CsvImporter.MaxBodyBytes)
        {
            return Problems.TooLarge((int)CsvImporter.MaxBodyBytes);
        }

        // The server's own limit above ours: a body sent without Content-Length then meets ours first (an
        // answer that says which rows were queued), and after answering the server can still read and drop
        // the rest of a file up to twice the size; stopped at its own limit it would drop the connection
        // instead, and the client would never see the answer.
        UploadLimit.Raise(request, 2 * CsvImporter.MaxBodyBytes);

        var outcome = await importer.ImportAsync(
            request.Body,
            new ImportChoices { Encoding = declared },
            rows,
            queue,
            cancellationToken
        );
        switch (outcome.Status)
        {
            case CsvImportStatus.Invalid:
                return Problems.Invalid(outcome.Errors!);
            case CsvImportStatus.TooLarge:
                return Problems.TooLarge(outcome.Detail!);
            case CsvImportStatus.Unreadable:
                return Problems.BadRequest(outcome.Detail!);
        }

        var report = outcome.Report!;
        Imported(logger, rows.Kind, report.ImportId, report.Accepted, report.RejectedCount);
        return TypedResults.Accepted((string?)null, report);
    }

    [LoggerMessage(
        EventId = 1400,
        Level = LogLevel.Information,
        Message = "Import {ImportId} ({Kind}): {Accepted} rows queued, {Rejected} rejected"
    )]
    private static partial void Imported(ILogger logger, string kind, string importId, int accepted, int rejected);
}
