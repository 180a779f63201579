using System.Globalization;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// The consent changes recorded in a period, in İYS's record shape, to be sent to İYS within its deadline; only the
/// change log's days of the period are read. A date alone is a whole day in Turkey (<see cref="TurkeyTime"/>, as the
/// records' dates are written): as the end of a period it includes that day.
/// </summary>
public sealed class IysConsentExport(IConsentChangeLog changes)
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(92);

    public const string BoundRule = "Required: an ISO 8601 date or time (2026-12-01 or 2026-12-01T09:00:00+03:00).";

    /// <summary>
    /// An instant, or a date alone: its start in Turkey, or as the period's <paramref name="end"/> the start of the
    /// next day.
    /// </summary>
    public static DateTimeOffset? ParseBound(string text, bool end)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return TurkeyTime.FromLocal((end ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue));
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var value
        )
            ? value
            : null;
    }

    /// <summary>
    /// Why <paramref name="from"/> to <paramref name="to"/> is no period to export, or null when it is one.
    /// </summary>
    public static string? CheckPeriod(DateTimeOffset from, DateTimeOffset to) =>
        to <= from || to - from > MaxPeriod
            ? $"Must be after from (a date alone includes that day), and at most {MaxPeriod.TotalDays} days after it."
            : null;

    public async Task<IysExport> ExportAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        var records = new List<IysRecord>();
        await foreach (var change in changes.ReadAsync(from, to, cancellationToken))
        {
            if (IysRecords.From(change) is { } record)
            {
                records.Add(record);
            }
        }

        return new IysExport(from, to, records);
    }
}
