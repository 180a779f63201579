namespace LeadFunctions.Core.Intake;

public enum CsvImportStatus
{
    /// <summary>Read to its end: the good rows queued, the bad ones reported.</summary>
    Imported,

    /// <summary>Refused whole: the header lacks a column the import needs.</summary>
    Invalid,

    /// <summary>Stopped at the size limit; the rows before it were queued.</summary>
    TooLarge,

    /// <summary>Stopped where the CSV could not be read; the rows before it were queued.</summary>
    Unreadable,
}

/// <summary>
/// What an import did: its report, the header's errors, or why it stopped part way (and how far it got).
/// </summary>
public sealed record CsvImportOutcome(
    CsvImportStatus Status,
    ImportResult? Report,
    IReadOnlyDictionary<string, string[]>? Errors,
    string? Detail
)
{
    public static CsvImportOutcome Imported(ImportResult report) => new(CsvImportStatus.Imported, report, null, null);

    public static CsvImportOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CsvImportStatus.Invalid, null, errors, null);

    public static CsvImportOutcome Stopped(CsvImportStatus status, string detail) => new(status, null, null, detail);
}
