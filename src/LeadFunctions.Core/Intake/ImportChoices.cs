using System.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// What the person (or the request) says about a file in place of what is detected. The preview and the import take
/// the same choices, so that what was previewed is what is imported.
/// </summary>
public sealed record ImportChoices
{
    /// <summary>Everything detected: the HTTP import without a charset.</summary>
    public static readonly ImportChoices None = new();

    /// <summary>
    /// The file's encoding (a request's charset, or the person's pick); null to detect it (<see cref="CsvDecoding"/>).
    /// A byte order mark still wins: it is the file's own word for its bytes.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>The delimiter; null to detect it from the data.</summary>
    public CsvDelimiter? Delimiter { get; init; }

    /// <summary>
    /// Column (0 for the first, in file order) → the field it holds, or null for a column not to import. Columns not
    /// named here keep the field their header means (<see cref="Text.CsvHeaderMap"/>).
    /// </summary>
    public IReadOnlyDictionary<int, string?> Columns { get; init; } = new Dictionary<int, string?>();
}
