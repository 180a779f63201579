using System.Globalization;

namespace LeadFunctions.Core.Text;

/// <summary>A time as browsers and platforms write it: unix milliseconds, or ISO 8601 (UTC when it names no
/// offset).</summary>
public static class Timestamp
{
    /// <summary>The last millisecond DateTimeOffset can hold; a larger number is no time.</summary>
    private const long MaxUnixMilliseconds = 253402300799999;

    public static DateTimeOffset? Parse(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
        && milliseconds < MaxUnixMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : null;
}
