using System.Collections.Frozen;

namespace LeadFunctions.Core.Text;

/// <summary>
/// Which field a CSV column holds, from the header names lists and exports use for it; compared folded
/// ("E-posta", "EPOSTA", "e posta" alike, "Company / Account" as "companyaccount").
/// </summary>
public sealed class CsvHeaderMap
{
    private readonly FrozenDictionary<string, string> fields;
    private readonly FrozenDictionary<string, string[]> names;

    /// <param name="names">Per field, the header names that mean it, as people write them.</param>
    public CsvHeaderMap(IReadOnlyDictionary<string, string[]> names)
    {
        this.names = names.ToFrozenDictionary(StringComparer.Ordinal);
        Fields = [.. names.Keys];
        fields = names
            .SelectMany(field => field.Value.Select(header => KeyValuePair.Create(Key(header), field.Key)))
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The fields a column can hold, for a person choosing which one it does.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The field for a header, or null for a column that is not imported.</summary>
    public string? FieldFor(string header) => fields.GetValueOrDefault(Key(header));

    /// <summary>The header names that mean a field, for telling the caller what was looked for.</summary>
    public IReadOnlyList<string> NamesOf(string field) => names[field];

    private static string Key(string header) =>
        string.Concat(TextFolding.Fold(header.Trim()).Where(char.IsLetterOrDigit));
}
