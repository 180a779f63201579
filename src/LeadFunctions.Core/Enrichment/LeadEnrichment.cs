using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Enrichment;

/// <summary>What enrichment adds to a lead, from its email, phone and country alone (cheap, offline).</summary>
public sealed record LeadEnrichment(
    string EmailDomain,
    bool FreeMail,
    bool Disposable,
    string? CompanyDomain,
    string? PhoneE164,
    string? PhoneCountry,
    string? CountryCode,
    bool? MxFound
);

public interface ILeadEnricher
{
    ValueTask<LeadEnrichment> EnrichAsync(
        string normalizedEmail,
        string? phone,
        string? country,
        CancellationToken cancellationToken
    );
}

/// <summary>Whether a domain can receive mail; null when that could not be told (no DNS, a timeout).</summary>
public interface IMxChecker
{
    Task<bool?> HasMxAsync(string domain, CancellationToken cancellationToken);
}

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

/// <summary>
/// Free-mail and disposable-address domains, from maintained lists shipped as embedded data and read
/// once. A disposable wildcard entry covers its subdomains too.
/// </summary>
public static class EmailDomains
{
    private static readonly Lazy<FrozenSet<string>> Free = new(() => Load("free-email-domains.txt"));
    private static readonly Lazy<FrozenSet<string>> Disposable = new(() => Load("disposable-email-domains.txt"));
    private static readonly Lazy<FrozenSet<string>> DisposableWildcards = new(() =>
        Load("disposable-email-wildcards.txt")
    );

    public static bool IsFreeMail(string domain) => Free.Value.Contains(domain);

    public static bool IsDisposable(string domain)
    {
        if (Disposable.Value.Contains(domain))
        {
            return true;
        }

        // "x.y.mailinator.com" is covered by the wildcard entry "mailinator.com".
        for (var suffix = domain; ; )
        {
            if (DisposableWildcards.Value.Contains(suffix))
            {
                return true;
            }

            var dot = suffix.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return false;
            }

            suffix = suffix[(dot + 1)..];
        }
    }

    private static FrozenSet<string> Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded list {name} is missing.");
        using var reader = new StreamReader(stream);
        var domains = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                domains.Add(line);
            }
        }

        return domains.ToFrozenSet(StringComparer.Ordinal);
    }
}
