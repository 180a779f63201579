using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Functions.Intake;

public sealed class IntakeOptions : IValidatableObject
{
    public const string SectionName = "Intake";

    /// <summary>
    /// Origins (scheme://host[:port]) whose web forms may post here: CORS, and the only places a
    /// plain HTML form's "redirect" may send the browser back to. A list: Intake:AllowedOrigins:0, :1, …
    /// </summary>
    public List<string> AllowedOrigins { get; init; } = [];

    /// <summary>A form filled faster than this (per its own formStartedAt) is a bot.</summary>
    public TimeSpan MinimumFillTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Form posts allowed per client IP per minute on the anonymous intake routes.</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerMinute { get; set; } = 120;

    public IReadOnlySet<string> Origins =>
        AllowedOrigins.Select(o => o.Trim().TrimEnd('/').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    public Core.Intake.WebFormRules ToRules() => new(Origins, MinimumFillTime);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (
            var origin in Origins.Where(o =>
                !Uri.TryCreate(o, UriKind.Absolute, out var u)
                || !string.Equals(u.GetLeftPart(UriPartial.Authority), o, StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            yield return new ValidationResult(
                $"Intake:AllowedOrigins: '{origin}' is not an origin like https://www.example.com.",
                [nameof(AllowedOrigins)]
            );
        }
    }
}
