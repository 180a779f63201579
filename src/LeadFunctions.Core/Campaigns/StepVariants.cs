using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Core.Campaigns;

/// <summary>One variant of an email step: its own subject, HTML, text and translations, a weight, and a
/// switch.</summary>
public sealed record StepVariant(
    string Id,
    int Weight,
    bool Active,
    StepContent Content,
    IReadOnlyDictionary<string, StepContent> Translations
);

/// <summary>
/// Which variant of an email step a person gets: a hash of the lead, the campaign, the step and the entry picks a point
/// on the weights of the variants switched on, so the same person gets the same variant on every try, and a variant
/// switched off while running is sent to nobody more (those it would have had are spread over the others).
/// </summary>
public static class StepVariants
{
    /// <summary>The step as <paramref name="leadId"/> gets it (the chosen variant's content in its place) and the
    /// variant's id; the step itself and null when it has no variants.</summary>
    public static (CampaignStep Step, string? Variant) For(
        CampaignStep step,
        string leadId,
        string campaignId,
        int reentries
    )
    {
        var on = step.Variants.Where(v => v.Active).ToList();
        if (on.Count == 0)
        {
            return (step, null);
        }

        var point = Point(leadId, campaignId, step.Id, reentries) % (ulong)on.Sum(v => v.Weight);
        var chosen = on[^1];
        foreach (var variant in on)
        {
            if (point < (ulong)variant.Weight)
            {
                chosen = variant;
                break;
            }

            point -= (ulong)variant.Weight;
        }

        return (step with { Content = chosen.Content, Translations = chosen.Translations }, chosen.Id);
    }

    private static ulong Point(string leadId, string campaignId, string stepId, int reentries) =>
        BinaryPrimitives.ReadUInt64BigEndian(
            SHA256.HashData(
                Encoding.UTF8.GetBytes(
                    string.Join(
                        '\n',
                        "variant",
                        leadId,
                        campaignId,
                        stepId,
                        reentries.ToString(CultureInfo.InvariantCulture)
                    )
                )
            )
        );
}
