using System.ComponentModel.DataAnnotations;
using LeadFunctions.Core.Consent;

namespace LeadFunctions.Functions.Consent;

/// <summary><c>Consent:*</c> (docs/reference.md, "Consent and suppression").</summary>
public sealed class ConsentOptions : IValidatableObject
{
    public const string SectionName = "Consent";

    /// <summary>Previous secrets kept at most: a few rotations' worth (a forged link is checked against
    /// each).</summary>
    public const int MaxPreviousTokenSecrets = 3;

    private const int MinSecretLength = 32;

    /// <summary>Signs the links in emails (unsubscribe, confirmation). At least 32 characters; a Key Vault secret in
    /// Azure.</summary>
    [Required]
    [MinLength(MinSecretLength)]
    public string TokenSecret { get; set; } = string.Empty;

    /// <summary>
    /// The secrets <see cref="TokenSecret"/> had before a rotation: links signed with them (in emails already
    /// delivered) keep working; new links use <see cref="TokenSecret"/>. Each at least 32 characters.
    /// </summary>
    public List<string> PreviousTokenSecrets { get; init; } = [];

    /// <summary><c>off</c>, <c>all</c>, or sources and country codes (<c>web,fair,DE</c>) whose grants wait for
    /// confirmation.</summary>
    public string DoubleOptIn { get; set; } = "off";

    /// <summary>How long a confirmation link works.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan ConfirmationTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary><c>OptIn</c> (everyone opts in) or <c>MerchantsUntilRefused</c> (İYS: merchants may be mailed until
    /// they refuse).</summary>
    public ConsentPolicy Policy { get; set; } = ConsentPolicy.OptIn;

    public ConsentSettings ToSettings() =>
        DoubleOptInPolicy.TryParse(DoubleOptIn, out var doubleOptIn, out _)
            ? new ConsentSettings(doubleOptIn, Policy, ConfirmationTtl)
            : throw new InvalidOperationException("Consent:DoubleOptIn was validated on start.");

    public ConsentTokens ToTokens() => new(TokenSecret, PreviousTokenSecrets);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DoubleOptInPolicy.TryParse(DoubleOptIn, out _, out var error))
        {
            yield return new ValidationResult(error, [nameof(DoubleOptIn)]);
        }

        if (
            PreviousTokenSecrets.Count > MaxPreviousTokenSecrets
            || PreviousTokenSecrets.Any(s => s is not { Length: >= MinSecretLength })
        )
        {
            yield return new ValidationResult(
                $"Consent:PreviousTokenSecrets: at most {MaxPreviousTokenSecrets} secrets, each at least "
                    + $"{MinSecretLength} characters (as Consent:TokenSecret).",
                [nameof(PreviousTokenSecrets)]
            );
        }
    }
}
