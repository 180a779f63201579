using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Streams a CSV file row by row (CsvHelper), for the import and its preview alike: bytes read as
/// <see cref="CsvDecoding"/> says, the delimiter detected from the data (',' ';' or tab) unless chosen, quoted fields,
/// columns named by a <see cref="CsvHeaderMap"/> unless chosen (<see cref="ImportChoices"/>). Nothing but the current
/// row is held.
/// </summary>
public sealed class CsvRowReader : IDisposable
{
    private readonly CsvHeaderMap columns;
    private readonly ImportChoices choices;
    private readonly StreamReader text;
    private readonly CsvReader csv;
    private string?[] fields = [];
    private bool badData;
    private long lastLine;

    public CsvRowReader(Stream body, CsvDecoding decoding, ImportChoices choices, CsvHeaderMap columns)
    {
        this.columns = columns;
        this.choices = choices;
        text = decoding.Open(body, choices.Encoding);
        csv = new CsvReader(
            text,
            new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                DetectDelimiter = choices.Delimiter is null,
                DetectDelimiterValues = CsvDelimiters.Detected,
                Delimiter = CsvDelimiters.Text(choices.Delimiter ?? CsvDelimiter.Comma),
                MissingFieldFound = null,
                HeaderValidated = null,
                BadDataFound = _ => badData = true,
                IgnoreBlankLines = false, // read, so that line numbers are counted here, and skipped below
            }
        );
    }

    /// <summary>The header row as sent, for telling the caller what was found.</summary>
    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>Per column of <see cref="Headers"/>, the field it is read as, or null for a column not
    /// imported.</summary>
    public IReadOnlyList<string?> Fields => fields;

    /// <summary>What the file is read as, once the header is read.</summary>
    public ReadEncoding Encoding => CsvDecoding.Used(text, choices.Encoding);

    /// <summary>The delimiter read with, once the header is read.</summary>
    public CsvDelimiter Delimiter => CsvDelimiters.Of(csv.Parser.Delimiter);

    /// <summary>
    /// Reads the header and says what stops the file being imported, as the import answers it (400): a field of
    /// <paramref name="required"/> that no column holds (all of them when there is no header), a chosen column the
    /// file lacks or a chosen field this import has not. None when the rows can be imported.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ReadHeaderAsync(IReadOnlyList<string> required)
    {
        if (await csv.ReadAsync() && csv.ReadHeader() && csv.HeaderRecord is { } header)
        {
            Headers = header;
            lastLine = LinesOf(csv.Parser.RawRecord);
        }

        var chosen = choices.Columns.Where(Fits).ToDictionary();
        fields =
        [
            .. Headers.Select((name, i) => chosen.TryGetValue(i, out var field) ? field : columns.FieldFor(name)),
        ];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (required.Where(field => !fields.Contains(field)).ToList() is { Count: > 0 } missing)
        {
            errors["header"] =
            [
                .. missing.Select(field =>
                    $"No {field} column ({string.Join(", ", columns.NamesOf(field))}) among: "
                    + $"{string.Join(", ", Headers)}."
                ),
            ];
        }

        if (choices.Columns.Where(c => !Fits(c)).Select(WrongChoice).ToList() is { Count: > 0 } wrong)
        {
            errors["columns"] = [.. wrong];
        }

        return errors;
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

    private bool Fits(KeyValuePair<int, string?> choice) =>
        choice.Key >= 0
        && choice.Key < Headers.Count
        && (choice.Value is null || columns.Fields.Contains(choice.Value));

    private string WrongChoice(KeyValuePair<int, string?> choice) =>
        choice.Key < 0 || choice.Key >= Headers.Count
            ? $"Column {choice.Key} is not in the file: its columns are 0 to {Headers.Count - 1}."
            : $"Column {choice.Key} ({Headers[choice.Key]}): no field {choice.Value} here; use one of "
                + $"{string.Join(", ", columns.Fields)}.";

    /// <summary>How many lines of the file a record's raw text covers (its own line breaks, plus one).</summary>
    private static int LinesOf(string rawRecord) => rawRecord.TrimEnd('\r', '\n').Count(c => c == '\n') + 1;

    public void Dispose()
    {
        csv.Dispose();
        text.Dispose();
    }
}

public sealed record CsvRow(long Line, long LastLine, IReadOnlyDictionary<string, string?> Fields, bool Malformed);
