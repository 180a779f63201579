using System.Globalization;

namespace LeadFunctions.Core.Text;

/// <summary>Numbers and times as our pages show them, the same in every language: "12,345", "4.2 %", "2026-12-07
/// 09:30" (UTC).</summary>
public static class PageValues
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal; "—" when there is nothing to divide by.</summary>
    public static string Rate(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "—";

    public static string UtcMinute(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
