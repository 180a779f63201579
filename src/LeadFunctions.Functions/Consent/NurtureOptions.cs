using System.ComponentModel.DataAnnotations;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>Nurture:*</c>: the sender and postal address named in every email we send, the frequency cap across
/// campaigns, and the time zone of a person whose phone and country say nothing.
/// </summary>
public sealed class NurtureOptions : IValidatableObject
{
    public const string SectionName = "Nurture";

    [Required]
    public string SenderName { get; set; } = "LeadFunctions";

    /// <summary>No default: an email without a real postal address breaks İYS's and CAN-SPAM's rules.</summary>
    [Required]
    public string PostalAddress { get; set; } = string.Empty;

    /// <summary>At most one nurture email per person in this time, across all campaigns (the higher priority
    /// first).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "90.00:00:00")]
    public TimeSpan MinGapBetweenEmails { get; set; } = NurtureRules.Default.MinGapBetweenEmails;

    /// <summary>An IANA zone id: send windows are read in it for a person whose phone and country name none.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Europe/Istanbul";

    public SenderIdentity ToSender() => new(SenderName, PostalAddress);

    public NurtureRules ToRules() => new(MinGapBetweenEmails);

    public TimeZoneInfo ToDefaultZone() => TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
        {
            yield return new ValidationResult(
                $"'{DefaultTimeZone}' is not a time zone this machine knows (use an IANA id such as Europe/Istanbul).",
                [nameof(DefaultTimeZone)]
            );
        }
    }
}
