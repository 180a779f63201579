using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>"send" or "skip", as the resume body's "missed" and PUT's ?missed= say it.</summary>
public static class MissedChoice
{
    public const string Rule = "\"send\" (the held sends go now, under the usual rules) or \"skip\" (each held step is passed over).";

    public static MissedSends? Parse(string? text) => text switch
    {
        "send" => MissedSends.Send,
        "skip" => MissedSends.Skip,
        _ => null,
    };
}
