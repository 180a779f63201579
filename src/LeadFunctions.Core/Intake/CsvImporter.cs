using System.Text;
using CsvHelper;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// What every CSV import does with its file: streamed row by row up to 50 MB, each row validated, good rows queued in
/// batches and each bad row reported with its line. The kind of import (<see cref="ICsvRows{T}"/>) says which
/// columns, which rule and which queue; what the file's bytes mean (<see cref="Encoding"/>) its sender says.
/// </summary>
public sealed class CsvImporter(TimeProvider time, IIdGenerator ids)
{
    public const long MaxBodyBytes = 50L * 1024 * 1024;
    private const int EnqueueConcurrency = 8;

    public async Task<CsvImportOutcome> ImportAsync<T>(
        Stream file,
        Encoding encoding,
        ICsvRows<T> rows,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var report = new ImportReport(ids.NewId());
        using var reader = new CsvRowReader(new LimitedReadStream(file, MaxBodyBytes), encoding, rows.Columns);
        try
        {
            if (await reader.ReadHeaderAsync(rows.RequiredColumns) is { Count: > 0 } missing)
            {
                return CsvImportOutcome.Invalid(
                    new Dictionary<string, string[]>
                    {
                        ["header"] =
                        [
                            .. missing.Select(field =>
                                $"No {field} column ({string.Join(", ", rows.Columns.NamesOf(field))}) among: "
                                + $"{string.Join(", ", reader.Headers)}."
                            ),
                        ],
                    }
                );
            }

            await EnqueueRowsAsync(reader, rows, report, cancellationToken);
        }
        catch (BodyTooLargeException)
        {
            return CsvImportOutcome.Stopped(
                CsvImportStatus.TooLarge,
                $"The file is over {MaxBodyBytes / 1024 / 1024} MB. The first {report.Accepted} rows were queued "
                    + $"(import {report.ImportId}); split the file and import the rest (importing rows again is safe)."
            );
        }
        catch (CsvHelperException ex)
        {
            return CsvImportOutcome.Stopped(
                CsvImportStatus.Unreadable,
                $"The CSV could not be read ({ex.Message.Split('\n')[0]}). The first {report.Accepted} rows were "
                    + $"queued (import {report.ImportId})."
            );
        }

        return CsvImportOutcome.Imported(report.ToView());
    }

    private async Task EnqueueRowsAsync<T>(
        CsvRowReader reader,
        ICsvRows<T> rows,
        ImportReport report,
        CancellationToken cancellationToken
    )
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

    private async Task ReadRowsAsync<T>(
        CsvRowReader reader,
        ICsvRows<T> rows,
        ImportReport report,
        ImportBatcher<T> batcher,
        CancellationToken cancellationToken
    )
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

    private static Dictionary<string, string[]> MalformedRow(CsvRow row) =>
        new()
        {
            ["row"] =
            [
                row.LastLine > row.Line
                    ? $"Malformed CSV (an unbalanced quote?): lines {row.Line} to {row.LastLine} were read as one "
                        + $"row and none of them was imported."
                    : "Malformed CSV (an unbalanced quote?).",
            ],
        };
}
