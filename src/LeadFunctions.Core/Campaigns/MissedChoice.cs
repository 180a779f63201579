namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// "send" or "skip": what becomes of the sends held while a campaign was paused, as a resume or an edit says it.
/// </summary>
public static class MissedChoice
{
    public const string Rule =
        "\"send\" (the held sends go now, under the usual rules) or \"skip\" (each held step is passed over).";

    public static MissedSends? Parse(string? text) =>
        text switch
        {
            "send" => MissedSends.Send,
            "skip" => MissedSends.Skip,
            _ => null,
        };
}
