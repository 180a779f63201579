using System.ComponentModel.DataAnnotations;
using LeadFunctions.Core.Consent;

namespace LeadFunctions.Functions.Consent;

/// <summary><c>Nurture:SenderName</c> and <c>Nurture:PostalAddress</c>: named in every email we send.</summary>
public sealed class NurtureOptions
{
    public const string SectionName = "Nurture";

    [Required]
    public string SenderName { get; set; } = "LeadFunctions";

    /// <summary>No default: an email without a real postal address breaks İYS's and CAN-SPAM's rules.</summary>
    [Required]
    public string PostalAddress { get; set; } = string.Empty;

    public SenderIdentity ToSender() => new(SenderName, PostalAddress);
}
