using System.Globalization;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// The date of a decision in a consent CSV: ISO 8601 with an offset, or without one in Turkish time
/// (<see cref="TurkeyTime"/>), as İYS writes it (yyyy-MM-dd HH:mm:ss) and as Turkish spreadsheets do (dd.MM.yyyy
/// HH:mm); a date alone is the start of that day in Turkey.
/// </summary>
public static class ConsentImportDate
{
    public const string Rule =
        "Use ISO 8601 (2025-03-01T14:30:00+03:00), yyyy-MM-dd HH:mm:ss, dd.MM.yyyy HH:mm or a date alone (Turkish "
        + "time when no offset is given; a date alone is the start of that day).";

    private static readonly string[] WithoutOffset =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm",
        "dd.MM.yyyy HH:mm",
        "dd.MM.yyyy HH:mm:ss",
        "yyyy-MM-dd",
        "dd.MM.yyyy",
    ];

    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(string value, out DateTimeOffset at)
    {
        var text = value.Trim();
        if (
            DateTime.TryParseExact(
                text,
                WithoutOffset,
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var local
            )
        )
        {
            at = TurkeyTime.FromLocal(local);
            return true;
        }

        // 'Z' is UTC; without AssumeUniversal the machine's own zone would be taken for it.
        return DateTimeOffset.TryParseExact(
            text,
            WithOffset,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out at
        );
    }
}
