using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Which grants wait for a confirmation click (<c>Consent:DoubleOptIn</c>): <c>off</c>, <c>all</c>, or a
/// comma-separated list of lead sources (<c>web</c>, <c>fair</c>) and ISO country codes (<c>DE</c>; any entry of
/// two letters is a country).
/// </summary>
public sealed class DoubleOptInPolicy
{
    public static readonly DoubleOptInPolicy Off = new(false, [], []);

    private readonly bool all;
    private readonly HashSet<string> sources;
    private readonly HashSet<string> countries;

    private DoubleOptInPolicy(bool all, HashSet<string> sources, HashSet<string> countries) =>
        (this.all, this.sources, this.countries) = (all, sources, countries);

    public static bool TryParse(string? setting, out DoubleOptInPolicy policy, out string? error)
    {
        (policy, error) = (Off, null);
        var entries = (setting ?? string.Empty).Split(
            ',',
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
        );
        if (entries is [] || entries is [var only] && only.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (entries is [var single] && single.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            policy = new DoubleOptInPolicy(true, [], []);
            return true;
        }

        var (sources, countries) = (
            new HashSet<string>(StringComparer.Ordinal),
            new HashSet<string>(StringComparer.Ordinal)
        );
        foreach (var entry in entries)
        {
            if (
                entry.Equals("all", StringComparison.OrdinalIgnoreCase)
                || entry.Equals("off", StringComparison.OrdinalIgnoreCase)
            )
            {
                error = $"'{entry}' stands alone; a list names sources and country codes only.";
                return false;
            }

            if (entry.Length == 2 && entry.All(char.IsAsciiLetter))
            {
                countries.Add(entry.ToUpperInvariant());
            }
            else if (LeadSources.IsValid(entry.ToLowerInvariant()))
            {
                sources.Add(entry.ToLowerInvariant());
            }
            else
            {
                error =
                    $"'{entry}' is neither a lead source ({LeadSources.Rule}) nor a two-letter country code; "
                    + "use off, all, or a list such as web,fair,DE.";
                return false;
            }
        }

        policy = new DoubleOptInPolicy(false, sources, countries);
        return true;
    }

    /// <summary>Whether a grant from this lead source, for a person in this country (ISO alpha-2, or null), waits for
    /// confirmation.</summary>
    public bool Requires(string source, string? countryCode) =>
        all
        || sources.Contains(source)
        || (countryCode is not null && countries.Contains(countryCode.ToUpperInvariant()));
}

/// <summary>The consent rules in force (<c>Consent:*</c>), parsed and validated at start.</summary>
public sealed record ConsentSettings(DoubleOptInPolicy DoubleOptIn, ConsentPolicy Policy, TimeSpan ConfirmationTtl)
{
    public static readonly ConsentSettings Default = new(
        DoubleOptInPolicy.Off,
        ConsentPolicy.OptIn,
        TimeSpan.FromDays(7)
    );
}

/// <summary>Who sends our emails, named in every one with a postal address, as İYS and CAN-SPAM require.</summary>
public sealed record SenderIdentity(string Name, string PostalAddress);
