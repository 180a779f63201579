using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using LeadFunctions.Core.Intake;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// Streams a CSV list row by row (CsvHelper): delimiter detected from the data (',' ';' or tab), BOM
/// stripped, quoted fields, English and Turkish headers. Nothing but the current row is held.
/// </summary>
public sealed class CsvLeadReader : IDisposable
{
    private readonly StreamReader text;
    private readonly CsvReader csv;
    private string?[] fields = [];
    private bool badData;
    private long lastLine;

    public CsvLeadReader(Stream body)
    {
        text = new StreamReader(body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = _ => badData = true,
            IgnoreBlankLines = false, // read, so that line numbers are counted here, and skipped below

        });
    }

    /// <summary>The header row as sent, for telling the caller what was found.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>Reads the header; false when there is no header or no email column.</summary>
    public async Task<bool> ReadHeaderAsync()
    {
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            return false;
        }

        Headers = header;
        lastLine = LinesOf(csv.Parser.RawRecord);
        fields = [.. header.Select(CsvColumns.FieldFor)];
        return fields.Contains("email");
    }

    /// <summary>
    /// The next row as form fields with the lines it spans (a quoted field may hold line breaks, and an
    /// unbalanced quote swallows every line after it), or null at the end. Where two columns mean the same
    /// field (E-posta and E-mail, Telefon and Cep Telefonu), the first one with a value wins.
    /// </summary>
    public async Task<CsvRow?> ReadRowAsync()
    {
        while (true)
        {
            badData = false;
            if (!await csv.ReadAsync())
            {
                return null;
            }

            var first = lastLine + 1;
            lastLine += LinesOf(csv.Parser.RawRecord);
            if (!badData && csv.Parser.Record is { } raw && raw.All(string.IsNullOrWhiteSpace))
            {
                continue; // a blank line
            }

            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < fields.Length && i < csv.Parser.Count; i++)
            {
                if (fields[i] is { } field && string.IsNullOrWhiteSpace(values.GetValueOrDefault(field)))
                {
                    values[field] = csv.GetField(i);
                }
            }

            return new CsvRow(first, lastLine, values, badData);
        }
    }

    /// <summary>How many lines of the file a record's raw text covers (its own line breaks, plus one).</summary>
    private static int LinesOf(string rawRecord) => rawRecord.TrimEnd('\r', '\n').Count(c => c == '\n') + 1;

    public void Dispose()
    {
        csv.Dispose();
        text.Dispose();
    }
}

public sealed record CsvRow(long Line, long LastLine, IReadOnlyDictionary<string, string?> Fields, bool Malformed);
