namespace LeadFunctions.Core.Campaigns;

/// <summary>Days of the week by the three-letter English names a send window is written with ("Mon".."Sun").</summary>
public static class WeekDays
{
    private static readonly Dictionary<string, DayOfWeek> ByName = Enum.GetValues<DayOfWeek>()
        .ToDictionary(Name, d => d, StringComparer.OrdinalIgnoreCase);

    public static string Name(DayOfWeek day) => day.ToString()[..3];

    public static bool TryParse(string? name, out DayOfWeek day) => ByName.TryGetValue(name ?? "", out day);
}
