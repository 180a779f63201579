using System.Globalization;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The preview's choices as its form sends them, and back: <c>encoding</c> and <c>delimiter</c> (empty to detect),
/// <c>column-N</c> the field of the file's column N (empty for none). "Preview again" sends them by GET, "Import"
/// posts the ones previewed, so what is imported is what was shown.
/// </summary>
public static class ImportChoiceForm
{
    public const string EncodingField = "encoding";
    public const string DelimiterField = "delimiter";
    public const string ColumnPrefix = "column-";

    /// <summary>The encodings offered: the UTF ones and what Excel's plain "CSV" is on Turkish and Western
    /// Windows.</summary>
    public static readonly IReadOnlyList<string> Encodings =
    [
        "utf-8",
        "windows-1254",
        "iso-8859-9",
        "utf-16",
        "windows-1252",
    ];

    /// <summary>The choices in <paramref name="values"/>, and for each field that holds none of its options the
    /// error to show there (the rest of the choices still apply).</summary>
    public static (ImportChoices Choices, IReadOnlyDictionary<string, TextId> Errors) Read(
        IReadOnlyDictionary<string, string> values
    )
    {
        var errors = new Dictionary<string, TextId>(StringComparer.Ordinal);
        var encoding = values.GetValueOrDefault(EncodingField) ?? string.Empty;
        var chosenEncoding = encoding.Length == 0 || !Encodings.Contains(encoding) ? null : CsvCharset.Find(encoding);
        if (encoding.Length > 0 && chosenEncoding is null)
        {
            errors[EncodingField] = TextId.ImportsEncodingUnknown;
        }

        var delimiter = values.GetValueOrDefault(DelimiterField) ?? string.Empty;
        CsvDelimiter? chosenDelimiter = DelimiterOf(delimiter);
        if (delimiter.Length > 0 && chosenDelimiter is null)
        {
            errors[DelimiterField] = TextId.ImportsDelimiterUnknown;
        }

        var columns = new Dictionary<int, string?>();
        foreach (var (name, field) in values)
        {
            if (ColumnOf(name) is { } column)
            {
                columns[column] = field.Length == 0 ? null : field;
            }
        }

        var choices = new ImportChoices
        {
            Encoding = chosenEncoding,
            Delimiter = chosenDelimiter,
            Columns = columns,
        };
        return (choices, errors);
    }

    /// <summary>The value the delimiter select sends for <paramref name="delimiter"/>.</summary>
    public static string ValueOf(CsvDelimiter delimiter) => delimiter.ToString().ToLowerInvariant();

    public static string ColumnField(int column) => ColumnPrefix + column.ToString(CultureInfo.InvariantCulture);

    private static CsvDelimiter? DelimiterOf(string value) =>
        Enum.GetValues<CsvDelimiter>().Cast<CsvDelimiter?>().FirstOrDefault(d => ValueOf(d!.Value) == value);

    private static int? ColumnOf(string name) =>
        name.StartsWith(ColumnPrefix, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(ColumnPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? i
            : null;
}
