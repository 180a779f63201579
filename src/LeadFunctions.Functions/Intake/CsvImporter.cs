using CsvHelper;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// What every CSV import does with its request: the charset it declares honoured (with none, UTF-8 that falls
/// back to Import:FallbackEncoding), the file streamed row by row up to 50 MB, each row validated, good rows
/// queued in batches and each bad row reported with its line. The kind of import (<see cref="ICsvRows{T}"/>)
/// says which columns, which rule and which queue.
/// </summary>
public sealed partial class CsvImporter(
    IOptions<ImportOptions> options, TimeProvider time, IIdGenerator ids, ILogger<CsvImporter> logger)
{
    public const long MaxBodyBytes = 50L * 1024 * 1024;
    private const int EnqueueConcurrency = 8;
    private static readonly string[] CsvTypes = ["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"];

    // Validated on start: a known single-byte encoding.
    private readonly Utf8OrFallbackEncoding undeclared = new(CsvCharset.Find(options.Value.FallbackEncoding)!);

    public async Task<IResult> ImportAsync<T>(HttpRequest request, ICsvRows<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !CsvTypes.Any(t => contentType.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase)))
        {
            return Problems.UnsupportedMediaType("text/csv");
        }

        var charset = contentType.Charset.Value;
        var encoding = string.IsNullOrWhiteSpace(charset) ? undeclared : CsvCharset.Find(charset);
        if (encoding is null)
        {
            return Problems.UnknownCharset(charset!);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Problems.TooLarge((int)MaxBodyBytes);
        }

        // The server's own limit above ours: a body sent without Content-Length then meets ours first (an
        // answer that says which rows were queued), and after answering the server can still read and drop
        // the rest of a file up to twice the size; stopped at its own limit it would drop the connection
        // instead, and the client would never see the answer.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = 2 * MaxBodyBytes;
        }

        var report = new ImportReport(ids.NewId());
        using var reader = new CsvRowReader(new LimitedReadStream(request.Body, MaxBodyBytes), encoding, rows.Columns);
        try
        {
            if (await reader.ReadHeaderAsync(rows.RequiredColumns) is { Count: > 0 } missing)
            {
                return Problems.Invalid(new Dictionary<string, string[]>
                {
                    ["header"] = [.. missing.Select(field => $"No {field} column ({string.Join(", ", rows.Columns.NamesOf(field))}) among: {string.Join(", ", reader.Headers)}.")],
                });
            }

            await EnqueueRowsAsync(reader, rows, report, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return Problems.TooLarge(
                $"The file is over {MaxBodyBytes / 1024 / 1024} MB. The first {report.Accepted} rows were queued (import {report.ImportId}); split the file and import the rest (importing rows again is safe).");
        }
        catch (CsvHelperException ex)
        {
            return Problems.BadRequest($"The CSV could not be read ({ex.Message.Split('\n')[0]}). The first {report.Accepted} rows were queued (import {report.ImportId}).");
        }

        Imported(logger, rows.Kind, report.ImportId, report.Accepted, report.RejectedCount);
        return TypedResults.Accepted((string?)null, report.ToView());
    }

    private async Task EnqueueRowsAsync<T>(CsvRowReader reader, ICsvRows<T> rows, ImportReport report, CancellationToken cancellationToken)
        where T : class
    {
        var batcher = new ImportBatcher<T>(report.ImportId, rows, EnqueueConcurrency);
        try
        {
            await ReadRowsAsync(reader, rows, report, batcher, cancellationToken);
        }
        catch (Exception ex) when (ex is BodyTooLargeException or CsvHelperException)
        {
            // The rows accepted before the file went wrong are queued, as the answer says.
            await batcher.FlushAsync(cancellationToken);
            throw;
        }

        await batcher.FlushAsync(cancellationToken);
    }

    private async Task ReadRowsAsync<T>(CsvRowReader reader, ICsvRows<T> rows, ImportReport report, ImportBatcher<T> batcher, CancellationToken cancellationToken)
        where T : class
    {
        var receivedAt = time.GetUtcNow();
        while (await reader.ReadRowAsync() is { } row)
        {
            var validation = row.Malformed ? null : rows.Validate(row, report.ImportId, receivedAt);
            if (validation?.Value is not { } good)
            {
                report.Reject(row.Line, validation?.Errors ?? MalformedRow(row));
                continue;
            }

            await batcher.AddAsync(good, cancellationToken);
            report.Accept();
        }
    }

    private static Dictionary<string, string[]> MalformedRow(CsvRow row) => new()
    {
        ["row"] = [row.LastLine > row.Line
            ? $"Malformed CSV (an unbalanced quote?): lines {row.Line} to {row.LastLine} were read as one row and none of them was imported."
            : "Malformed CSV (an unbalanced quote?)."],
    };

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Import {ImportId} ({Kind}): {Accepted} rows queued, {Rejected} rejected")]
    private static partial void Imported(ILogger logger, string kind, string importId, int accepted, int rejected);
}
