namespace LeadFunctions.Core.Intake;

/// <summary>The delimiters a CSV import detects, and the only ones a person can choose.</summary>
public enum CsvDelimiter
{
    Comma,
    Semicolon,
    Tab,
}

internal static class CsvDelimiters
{
    private static readonly Dictionary<CsvDelimiter, string> Texts = new()
    {
        [CsvDelimiter.Comma] = ",",
        [CsvDelimiter.Semicolon] = ";",
        [CsvDelimiter.Tab] = "\t",
    };

    /// <summary>What CsvHelper looks for when it detects the delimiter.</summary>
    public static string[] Detected { get; } = [.. Texts.Values];

    public static string Text(CsvDelimiter delimiter) => Texts[delimiter];

    /// <summary>The delimiter a parser reads with: detected among <see cref="Detected"/> or chosen.</summary>
    public static CsvDelimiter Of(string text) => Texts.Single(d => d.Value == text).Key;
}
