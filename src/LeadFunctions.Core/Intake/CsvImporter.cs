using CsvHelper;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// What every CSV import does with its file: streamed row by row up to 50 MB, each row validated, good rows queued in
/// batches and each bad row reported with its line. The kind of import (<see cref="ICsvRows{T}"/>) says which
/// columns and which rule, its queue (<see cref="ICsvRowQueue{T}"/>) where good rows go; what is not detected
/// (encoding, delimiter, which column holds which field) the sender chooses, as in its preview
/// (<see cref="ImportPreview"/>).
/// </summary>
public sealed class CsvImporter(TimeProvider time, IIdGenerator ids, CsvDecoding decoding)
{
    public const long MaxBodyBytes = 50L * 1024 * 1024;
    private const int EnqueueConcurrency = 8;

    public async Task<CsvImportOutcome> ImportAsync<T>(
        Stream file,
        ImportChoices choices,
        ICsvRows<T> rows,
        ICsvRowQueue<T> queue,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var report = new ImportReport(ids.NewId());
        using var reader = new CsvRowReader(new LimitedReadStream(file, MaxBodyBytes), decoding, choices, rows.Columns);
        try
        {
            if (await reader.ReadHeaderAsync(rows.RequiredColumns) is { Count: > 0 } errors)
            {
                return CsvImportOutcome.Invalid(errors);
            }

            await EnqueueRowsAsync(reader, rows, queue, report, cancellationToken);
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
        ICsvRowQueue<T> queue,
        ImportReport report,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var batcher = new ImportBatcher<T>(report.ImportId, queue, EnqueueConcurrency);
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
            var validation = CsvRowVerdict.Of(rows, row, report.ImportId, receivedAt);
            if (validation.Value is not { } good)
            {
                report.Reject(row.Line, validation.Errors);
                continue;
            }

            await batcher.AddAsync(good, cancellationToken);
            report.Accept();
        }
    }
}
