using CsvHelper;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// What an import would read from a file, shown before anything is stored so that a person can correct what was
/// detected: the encoding, the delimiter, which column holds which field, and the first rows with what the import
/// would say of each. Read by the import's own reader and rules (<see cref="CsvRowReader"/>,
/// <see cref="ICsvRows{T}"/>), so that <see cref="CsvImporter"/> with the same <see cref="ImportChoices"/> accepts
/// and rejects the same rows. It reads no further than its rows, and never past the import's size limit.
/// </summary>
public sealed class ImportPreview(TimeProvider time, CsvDecoding decoding)
{
    public const int DefaultRows = 10;

    /// <summary>The import id the rows are validated under: a preview has none, and stores nothing.</summary>
    private const string PreviewId = "preview";

    public async Task<PreviewedFile> ReadAsync<T>(
        Stream upload,
        ICsvRows<T> rows,
        ImportChoices? choices = null,
        int rowCount = DefaultRows
    )
        where T : class
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        using var reader = new CsvRowReader(
            new LimitedReadStream(upload, CsvImporter.MaxBodyBytes),
            decoding,
            choices ?? ImportChoices.None,
            rows.Columns
        );
        IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
        var read = new List<PreviewRow>();
        string? stopped = null;
        try
        {
            errors = await reader.ReadHeaderAsync(rows.RequiredColumns);
            var receivedAt = time.GetUtcNow();
            while (read.Count < rowCount && await reader.ReadRowAsync() is { } row)
            {
                var verdict = CsvRowVerdict.Of(rows, row, PreviewId, receivedAt);
                read.Add(new PreviewRow(row.Line, row.Fields, verdict.Errors));
            }
        }
        catch (BodyTooLargeException)
        {
            stopped =
                $"The file is over {CsvImporter.MaxBodyBytes / 1024 / 1024} MB before its first {rowCount} rows end: "
                + "split it.";
        }
        catch (CsvHelperException ex)
        {
            stopped = $"The CSV could not be read ({ex.Message.Split('\n')[0]}).";
        }

        return new PreviewedFile(
            reader.Encoding,
            reader.Delimiter,
            [.. reader.Headers.Select((header, i) => new PreviewColumn(i, header, reader.Fields[i]))],
            rows.Columns.Fields,
            errors,
            read,
            ReachedEnd: stopped is null && read.Count < rowCount,
            stopped
        );
    }
}
