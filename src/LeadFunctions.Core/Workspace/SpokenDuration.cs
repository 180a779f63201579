using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// Delays as people write them in the editor: "2 days", "4 hours", "1 week 2 days", "30 minutes", in English or
/// Turkish ("2 gün", "4 saat", "30 dakika", "1 hafta"); "0" or "now"/"hemen" for at once. An ISO 8601 duration
/// ("P2D", as the API takes) is read too. Written back in the page's language, largest unit first.
/// </summary>
public static partial class SpokenDuration
{
    private static readonly (string[] Names, TimeSpan Unit)[] Units =
    [
        (["week", "weeks", "w", "hafta"], TimeSpan.FromDays(7)),
        (["day", "days", "d", "gün", "gun"], TimeSpan.FromDays(1)),
        (["hour", "hours", "h", "hr", "hrs", "saat", "sa"], TimeSpan.FromHours(1)),
        (["minute", "minutes", "min", "mins", "m", "dakika", "dk"], TimeSpan.FromMinutes(1)),
    ];

    private static readonly Dictionary<string, (string One, string Many)[]> Words = new(StringComparer.Ordinal)
    {
        ["en"] = [("week", "weeks"), ("day", "days"), ("hour", "hours"), ("minute", "minutes")],
        ["tr"] = [("hafta", "hafta"), ("gün", "gün"), ("saat", "saat"), ("dakika", "dakika")],
    };

    /// <summary>The duration, or null when the text is none of the forms above (or negative).</summary>
    public static TimeSpan? Parse(string? text)
    {
        var written = text?.Trim().ToLower(CultureInfo.GetCultureInfo("tr-TR")) ?? string.Empty;
        if (written is "0" or "now" or "hemen" or "at once")
        {
            return TimeSpan.Zero;
        }

        if (written.StartsWith('p'))
        {
            try
            {
                return XmlConvert.ToTimeSpan(written.ToUpperInvariant()) is { Ticks: >= 0 } iso ? iso : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        var parts = Part().Matches(written);
        var rest = Part()
            .Replace(written, " ")
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word is not ("and" or "ve"));
        if (parts.Count == 0 || rest.Any())
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            var unit = Units.FirstOrDefault(u => u.Names.Contains(part.Groups[2].Value));
            if (unit.Names is null || !int.TryParse(part.Groups[1].Value, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            total += unit.Unit * count;
        }

        return total;
    }

    /// <summary>"2 days 4 hours" (or "2 gün 4 saat"), "2 weeks"; "0" for no delay.</summary>
    public static string Write(TimeSpan duration, string language)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0";
        }

        var words = Words.GetValueOrDefault(language) ?? Words["en"];

        // Weeks only for a whole number of them: people say "90 days", not "12 weeks 6 days".
        var first = duration.Ticks % Units[0].Unit.Ticks == 0 ? 0 : 1;
        var left = duration;
        var said = new List<string>();
        for (var i = first; i < Units.Length; i++)
        {
            var count = left.Ticks / Units[i].Unit.Ticks;
            if (count > 0)
            {
                said.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{count} {(count == 1 ? words[i].One : words[i].Many)}"
                    )
                );
                left -= Units[i].Unit * count;
            }
        }

        // Seconds have no spoken form here: such a delay (set through the API) is shown as the API writes it.
        return left > TimeSpan.Zero ? XmlConvert.ToString(duration) : string.Join(' ', said);
    }

    [GeneratedRegex(@"(\d{1,5})\s*([\p{L}]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
