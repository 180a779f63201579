namespace LeadFunctions.Core.Leads;

/// <summary>How warm a person's interest is now: from their engagement and how recent it is (the scoring model's
/// temperature rules).</summary>
public enum Temperature
{
    Cold,
    Warm,
    Hot,
}

public static class Temperatures
{
    public static string ToApiName(this Temperature temperature) => temperature.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out Temperature temperature) =>
        Enum.TryParse(value, ignoreCase: true, out temperature)
        && Enum.IsDefined(temperature)
        && !int.TryParse(value, out _);
}
