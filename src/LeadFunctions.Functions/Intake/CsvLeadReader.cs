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
        fields = [.. header.Select(CsvColumns.FieldFor)];
        return fields.Contains("email");
    }

    /// <summary>The next row as form fields with its line number, or null at the end.</summary>
    public async Task<CsvRow?> ReadRowAsync()
    {
        badData = false;
        if (!await csv.ReadAsync())
        {
            return null;
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length && i < csv.Parser.Count; i++)
        {
            if (fields[i] is { } field)
            {
                values[field] = csv.GetField(i);
            }
        }

        return new CsvRow(csv.Parser.RawRow, values, badData);
    }

    public void Dispose()
    {
        csv.Dispose();
        text.Dispose();
    }
}

public sealed record CsvRow(long Line, IReadOnlyDictionary<string, string?> Fields, bool Malformed);
