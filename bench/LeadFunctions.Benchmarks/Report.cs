using System.Globalization;

namespace LeadFunctions.Benchmarks;

/// <summary>One line per figure: "name: value (target)", plus whether it met the target.</summary>
internal static class Report
{
    public static bool AllMet { get; private set; } = true;

    public static void Figure(string name, double value, string unit, string target, bool met)
    {
        AllMet &= met;
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{name}: {value:0.###}{unit} ({target}){(met ? string.Empty : "  << missed")}"
            )
        );
    }

    public static void Note(string text) => Console.WriteLine("  " + text);
}
