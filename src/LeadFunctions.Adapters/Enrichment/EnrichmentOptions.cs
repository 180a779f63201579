using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Adapters.Enrichment;

public sealed class EnrichmentOptions
{
    public const string SectionName = "Enrichment";

    /// <summary>The region a phone number without a country code is read in, when the lead names no country.</summary>
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "TR";

    /// <summary>Ask DNS whether the email's domain takes mail. Off by default: it needs the network.</summary>
    public bool CheckMx { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan MxTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
