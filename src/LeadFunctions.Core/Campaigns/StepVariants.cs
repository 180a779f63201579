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
/// Which variant of an email step a person gets, by weighted rendezvous hashing: each variant switched on draws a
/// number from a hash of the lead, the campaign, the step, the entry and the variant's id, scaled by its weight, and
/// the lowest wins. The same person gets the same variant on every try; each variant gets its weight's share of people;
/// and switching one off (or adding one) moves only the people it loses (or wins), never one variant's people to
/// another.
/// </summary>
public static class StepVariants
{
    /// <summary>
    /// The step as <paramref name="leadId"/> gets it (the chosen variant's content in its place) and the variant's id;
    /// the step itself and null when it has no variants. <paramref name="already"/>, the variant an earlier try of
    /// this send went with, is kept while the step has it: a send tried once more is the same email.
    /// </summary>
    public static (CampaignStep Step, string? Variant) For(
        CampaignStep step,
        string leadId,
        string campaignId,
        int reentries,
        string? already = null
    )
    {
        var chosen = step.Variants.FirstOrDefault(v => v.Id == already)
            ?? step.Variants.Where(v => v.Active)
                .MinBy(v => -Math.Log(Draw(leadId, campaignId, step.Id, reentries, v.Id)) / v.Weight);
        return chosen is null
            ? (step, null)
            : (step with { Content = chosen.Content, Translations = chosen.Translations }, chosen.Id);
    }

    /// <summary>A number in (0, 1] from the hash of the parts.</summary>
    private static double Draw(string leadId, string campaignId, string stepId, int reentries, string variantId)
    {
        var parts = string.Join(
            '\n',
            "variant",
            leadId,
            campaignId,
            stepId,
            reentries.ToString(CultureInfo.InvariantCulture),
            variantId
        );
        var bits = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(parts))) >> 11;
        return (bits + 1) / (double)(1UL << 53);
    }
}
