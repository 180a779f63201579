namespace LeadFunctions.Core.Email;

/// <summary>
/// Checks that an Event Webhook post is SendGrid's: its signature over the timestamp and body, and a current timestamp.
/// </summary>
public interface ISendGridEventSignature
{
    /// <summary>The headers SendGrid signs a post with.</summary>
    const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>False without a (readable) verification key: then every post is refused.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// <paramref name="payload"/> is the body decoded as strict UTF-8, which encodes back to the bytes as sent.
    /// </summary>
    bool IsValid(string payload, string? signature, string? timestamp);
}
