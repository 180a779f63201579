using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Storage;

/// <summary>
/// A value kept as JSON in a row: a string property holds at most 32K characters, so a long value goes on in
/// "{name}1", "{name}2" …. The JSON is ASCII (the serializer escapes the rest), so no surrogate pair is cut.
/// </summary>
internal static class JsonColumns
{
    private const int PartLength = 32_000;

    /// <summary>Writes <paramref name="value"/> in at most <paramref name="maxParts"/> properties, and clears the
    /// parts after them up to that number (for a merge, which keeps the properties it is not given).</summary>
    /// <returns>False, writing nothing, when the JSON needs more parts.</returns>
    public static bool TryWrite<T>(TableEntity row, string name, T value, int maxParts, bool clearUnused = false)
    {
        var json = JsonSerializer.Serialize(value, JsonDefaults.Options);
        var parts = (json.Length + PartLength - 1) / PartLength;
        if (parts > maxParts)
        {
            return false;
        }

        for (var part = 0; part < (clearUnused ? maxParts : parts); part++)
        {
            row[Name(name, part)] =
                part < parts
                    ? json.Substring(part * PartLength, Math.Min(PartLength, json.Length - (part * PartLength)))
                    : string.Empty;
        }

        return true;
    }

    /// <summary>The value, or null when the row has none.</summary>
    public static T? Read<T>(TableEntity row, string name)
    {
        var json = string.Concat(
            Enumerable
                .Range(0, int.MaxValue)
                .Select(part => row.GetString(Name(name, part)))
                .TakeWhile(value => !string.IsNullOrEmpty(value))
        );
        return json.Length == 0 ? default : JsonSerializer.Deserialize<T>(json, JsonDefaults.Options);
    }

    private static string Name(string name, int part) =>
        part == 0 ? name : name + part.ToString(CultureInfo.InvariantCulture);
}
