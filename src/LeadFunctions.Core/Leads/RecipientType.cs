namespace LeadFunctions.Core.Leads;

/// <summary>İYS's recipient type: a consumer (BIREYSEL) needs prior consent; a merchant (TACIR) may refuse.</summary>
public enum RecipientType
{
    Individual,
    Merchant,
}

public static class RecipientTypes
{
    public static string ToIysName(this RecipientType type) => type == RecipientType.Merchant ? "TACIR" : "BIREYSEL";

    public static bool TryParse(string? value, out RecipientType type)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "INDIVIDUAL" or "BIREYSEL" or "BİREYSEL" or "CONSUMER":
                type = RecipientType.Individual;
                return true;
            case "MERCHANT" or "TACIR" or "TACİR" or "BUSINESS":
                type = RecipientType.Merchant;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
