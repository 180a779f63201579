using System.Collections.Frozen;

namespace LeadFunctions.Core.Consent;

/// <summary>İYS's consent sources ("kaynak"): where a decision was given, as İYS records it.</summary>
public static class IysSourceCodes
{
    public static readonly FrozenSet<string> All = FrozenSet.Create(
        StringComparer.Ordinal,
        "HS_WEB",
        "HS_ETKINLIK",
        "HS_FIZIKSEL_ORTAM",
        "HS_EPOSTA",
        "HS_CAGRI_MERKEZI",
        "HS_ISLAK_IMZA",
        "HS_SOSYAL_MEDYA",
        "HS_MESAJ",
        "HS_MOBIL",
        "HS_EORTAM",
        "HS_KARAR",
        "HS_2015",
        "HS_ATM"
    );

    /// <summary>The code in İYS's spelling (upper case), or null when it is none of İYS's.</summary>
    public static string? Find(string value) =>
        value.Trim().ToUpperInvariant() is var code && All.Contains(code) ? code : null;
}
