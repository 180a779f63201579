namespace LeadFunctions.Core.Leads;

/// <summary>The languages our emails and pages speak, and which one a person gets.</summary>
public static class Languages
{
    public const string Turkish = "tr";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Turkish, English];

    public static bool IsSupported(string? language) => language is Turkish or English;

    /// <summary>The lead's own choice, else Turkish for a person in Turkey, else English.</summary>
    public static string For(Lead lead) =>
        IsSupported(lead.Language) ? lead.Language!
        : string.Equals(lead.Country, "TR", StringComparison.OrdinalIgnoreCase) ? Turkish
        : English;
}
