using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Streams a CSV file row by row (CsvHelper): delimiter detected from the data (',' ';' or tab), a byte order
/// mark read as the encoding it marks (UTF-8, UTF-16), quoted fields, columns named by a <see cref="CsvHeaderMap"/>.
/// Nothing but the current row is held.
/// </summary>
public sealed class CsvRowReader : IDisposable
{
    private readonly CsvHeaderMap columns;
    private readonly StreamReader text;
    private readonly CsvReader csv;
    private string?[] fields = [];
    private bool badData;
    private long lastLine;

    public CsvRowReader(Stream body, Encoding encoding, CsvHeaderMap columns)
    {
        this.columns = columns;
        text = new StreamReader(body, encoding, detectEncodingFromByteOrderMarks: true);
        csv = new CsvReader(
            text,
            new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = true,
                DetectDelimiterValues = [",", ";", "\t"],
                MissingFieldFound = null,
                HeaderValidated = null,
                BadDataFound = _ => badData = true,
                IgnoreBlankLines = false, // read, so that line numbers are counted here, and skipped below
            }
        );
    }

    /// <summary>The header row as sent, for telling the caller what was found.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>Reads the header; the fields of <paramref name="required"/> that no column holds (all of them when
    /// there is no header).</summary>
    public async Task<IReadOnlyList<string>> ReadHeaderAsync(IReadOnlyList<string> required)
    {
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            return required;
        }

        Headers = header;
        lastLine = LinesOf(csv.Parser.RawRecord);
        fields = [.. header.Select(columns.FieldFor)];
        return [.. required.Where(field => !fields.Contains(field))];
    }

    /// <summary>
    /// The next row as fields with the lines it spans (a quoted field may hold line breaks, and an
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
