using System.ComponentModel.DataAnnotations;
using LeadFunctions.Core.Campaigns;
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

    /// <summary>
    /// Off when unset. A send left uncertain (its sender died between the claim and SendGrid's answer) of which
    /// SendGrid's Event Webhook has said nothing after this long is sent once more. SendGrid's events can be late: one
    /// that comes after the second send means the person got the email twice.
    /// </summary>
    public TimeSpan? ResendUnconfirmedAfter { get; set; }

    /// <summary>
    /// A campaign whose spam reports pass this share of its deliveries over the last day (with at least 500 of them)
    /// pauses itself. Mailbox providers turn a sender away at 0.3 %.
    /// </summary>
    [Range(0.0001, 0.1)]
    public double SpamBrakeRate { get; set; } = SpamBrakeRules.Default.Rate;

    /// <summary>An IANA zone id: send windows are read in it for a person whose phone and country name none.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Europe/Istanbul";

    public SenderIdentity ToSender() => new(SenderName, PostalAddress);

    public NurtureRules ToRules() => new(MinGapBetweenEmails, ResendUnconfirmedAfter);

    public SpamBrakeRules ToSpamBrake() => new(SpamBrakeRate);

    public TimeZoneInfo ToDefaultZone() => TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ResendUnconfirmedAfter is { } after && (after < TimeSpan.FromMinutes(1) || after > TimeSpan.FromDays(7)))
        {
            yield return new ValidationResult(
                "From 00:01:00 to 7.00:00:00 (SendGrid's events come within minutes; it retries its webhook for days).",
                [nameof(ResendUnconfirmedAfter)]
            );
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
        {
            yield return new ValidationResult(
                $"'{DefaultTimeZone}' is not a time zone this machine knows (use an IANA id such as Europe/Istanbul).",
                [nameof(DefaultTimeZone)]
            );
        }
    }
}
