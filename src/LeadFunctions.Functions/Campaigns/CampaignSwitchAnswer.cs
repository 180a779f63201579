using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>A pause's or resume's answer: the campaign as it now is, or why it could not be switched.</summary>
internal static class CampaignSwitchAnswer
{
    public static IResult Of(string id, CampaignSwitched switched, int statusCode) =>
        switched.Outcome switch
        {
            CampaignSwitchOutcome.NotFound => Problems.NotFound("The campaign"),
            CampaignSwitchOutcome.Archived => Problems.Conflict(
                $"Campaign {id} is archived: it sends nothing any more.",
                "Campaign archived."
            ),
            _ => CampaignDocument.Answer(switched.Campaign!, statusCode),
        };
}
