namespace LeadFunctions.Core.Consent;

/// <summary>
/// The one place that builds the links of our emails: the unsubscribe link and its RFC 8058 headers (every
/// commercial email carries them), and the double opt-in confirmation link. Links start at
/// <c>Host:PublicBaseUrl</c>.
/// </summary>
public sealed class ConsentLinks(Uri publicBaseUrl, ConsentTokens tokens)
{
    public const string UnsubscribePath = "api/unsubscribe";
    public const string ConfirmPath = "api/consent/confirm";

    /// <summary>The unsubscribe link; one in a campaign's email names its send (lf_send), so its step counts the
    /// unsubscribe.</summary>
    public Uri Unsubscribe(string leadId, string? sendId = null) =>
        Link(UnsubscribePath, new ConsentToken(TokenPurpose.Unsubscribe, leadId, null, null, sendId));

    public Uri Confirm(string leadId, string pendingRecordId, DateTimeOffset expiresAt) =>
        Link(ConfirmPath, new ConsentToken(TokenPurpose.Confirm, leadId, pendingRecordId, expiresAt));

    /// <summary><c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> (RFC 8058 one-click), for every commercial
    /// email.</summary>
    public IReadOnlyDictionary<string, string> UnsubscribeHeaders(string leadId, string? sendId = null) =>
        new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{Unsubscribe(leadId, sendId)}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };

    private Uri Link(string path, ConsentToken token) =>
        new(publicBaseUrl, $"{path}?t={Uri.EscapeDataString(tokens.Issue(token))}");
}
