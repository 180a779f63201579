namespace LeadFunctions.Core.Email;

/// <summary>
/// The custom args every email of ours carries; SendGrid returns them as top-level keys of each event about
/// that email, which is how an event finds its lead, campaign, step and send.
/// </summary>
public static class MailCustomArgs
{
    public const string LeadId = "lf_lead";
    public const string Campaign = "lf_campaign";
    public const string Step = "lf_step";
    public const string SendId = "lf_send";

    /// <summary>What the email is: "nurture", "confirmation" or "test".</summary>
    public const string Kind = "lf_kind";

    /// <summary>The <see cref="Kind"/> of a campaign's email.</summary>
    public const string NurtureKind = "nurture";

    /// <summary>The <see cref="Kind"/> of the workspace's "Send me a test": counted nowhere, no one's
    /// engagement.</summary>
    public const string TestKind = "test";
}
