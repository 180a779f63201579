namespace LeadFunctions.Core.Consent;

/// <summary>A yes or no to consent as forms and lists give it.</summary>
internal static class ConsentAnswer
{
    /// <summary>
    /// HTML checkboxes send "on"; JSON sends true/false; lists say yes/evet or x; absent means no consent.
    /// </summary>
    public static bool? Parse(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "off" or "no" or "0" or "hayır" or "hayir" => false,
            "true" or "on" or "yes" or "1" or "evet" or "x" => true,
            _ => null,
        };
}
