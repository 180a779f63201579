namespace LeadFunctions.Core.Consent;

/// <summary>The consent rules in force (<c>Consent:*</c>), parsed and validated at start.</summary>
public sealed record ConsentSettings(DoubleOptInPolicy DoubleOptIn, ConsentPolicy Policy, TimeSpan ConfirmationTtl)
{
    public static readonly ConsentSettings Default = new(
        DoubleOptInPolicy.Off,
        ConsentPolicy.OptIn,
        TimeSpan.FromDays(7)
    );
}
