using System.Collections.Frozen;
using System.Globalization;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Enrichment;

/// <summary>
/// ISO 3166-1 alpha-2 codes from what people type: "TR", "Turkey", "Türkiye", "Deutschland". Names
/// come from .NET's region data in every culture, compared folded (case and accents ignored).
/// </summary>
public static class CountryCodes
{
    private static readonly Lazy<FrozenDictionary<string, string>> Names = new(Build);

    public static bool TryNormalize(string? country, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrWhiteSpace(country))
        {
            return false;
        }

        var folded = TextFolding.Fold(country.Trim());
        if (Names.Value.TryGetValue(folded, out var found))
        {
            code = found;
            return true;
        }

        return false;
    }

    private static FrozenDictionary<string, string> Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["usa"] = "US",
            ["uk"] = "GB",
            ["england"] = "GB",
            ["turkiye"] = "TR",
            ["holland"] = "NL",
        };
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (
                region.TwoLetterISORegionName.Length != 2
                || !region.TwoLetterISORegionName.All(char.IsAsciiLetterUpper)
            )
            {
                continue;
            }

            foreach (
                var name in new[]
                {
                    region.TwoLetterISORegionName,
                    region.ThreeLetterISORegionName,
                    region.EnglishName,
                    region.NativeName,
                }
            )
            {
                names.TryAdd(TextFolding.Fold(name), region.TwoLetterISORegionName);
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
