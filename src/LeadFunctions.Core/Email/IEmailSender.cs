namespace LeadFunctions.Core.Email;

/// <summary>
/// Sends one email (SendGrid's v3 mail send in production). Retries answers that say the email was not taken
/// (<see cref="EmailSendFailure.Unavailable"/>) itself with back-off; a send that still fails throws
/// <see cref="EmailSendException"/>.
/// </summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// An email to one person. <see cref="CustomArgs"/> come back on every SendGrid event about it (lead, campaign,
/// step, send id); <see cref="Headers"/> carry List-Unsubscribe and List-Unsubscribe-Post.
/// </summary>
public sealed record OutgoingEmail
{
    public required string To { get; init; }

    public string? ToName { get; init; }

    public required string Subject { get; init; }

    public required string Html { get; init; }

    public required string Text { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>SendGrid's X-Message-Id, when it gave one.</summary>
public sealed record EmailSendResult(string? MessageId);

/// <summary>A send that failed: its HTTP status (none when no answer came) and SendGrid's own reason, when it gave
/// one.</summary>
public sealed class EmailSendException(string message, int? status, string? reason = null) : Exception(message)
{
    public int? Status { get; } = status;

    public string? Reason { get; } = reason;

    public EmailSendFailure Failure => FailureOf(Status);

    /// <summary>
    /// What an answer says about the email, the one rule for the sender's retries and the caller's decision. No answer,
    /// or a gateway's 502/504 (the proxy may have given up after SendGrid took the email), may have come after
    /// acceptance; 429 and other 5xx mean SendGrid did not take it, for now; any other 4xx refuses it for good.
    /// </summary>
    public static EmailSendFailure FailureOf(int? status) =>
        status switch
        {
            null or 502 or 504 => EmailSendFailure.MaybeSent,
            429 or >= 500 => EmailSendFailure.Unavailable,
            _ => EmailSendFailure.Refused,
        };
}

public enum EmailSendFailure
{
    /// <summary>The email may have been taken: it is never sent again (the step becomes uncertain).</summary>
    MaybeSent,

    /// <summary>Not taken, for now: it may be sent later.</summary>
    Unavailable,

    /// <summary>Refused for good (a bad key, an unverified sender, a bad recipient): sending it again cannot
    /// succeed.</summary>
    Refused,
}

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
