using Fluid;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// What a campaign template may name, and the one Liquid parser: the validator refuses any other name, and the
/// renderer fills exactly these (lead values HTML-escaped in the HTML part).
/// </summary>
public static class TemplatePlaceholders
{
    public static readonly FluidParser Parser = new();

    /// <summary>Dotted names as written in a template: <c>{{ lead.firstName }}</c>.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "lead.firstName",
        "lead.lastName",
        "lead.email",
        "lead.company",
        "lead.jobTitle",
        "lead.country",
        "lead.industry",
        "lead.stage",
        "lead.score",
        "campaign.name",
        "sender.name",
        "sender.postalAddress",
        "unsubscribeUrl",
    };
}
