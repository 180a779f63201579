namespace LeadFunctions.Core.Email;

/// <summary>
/// Sends one email (SendGrid's v3 mail send in production). Retries transient answers (429, 5xx) itself with
/// back-off; a send that still fails throws <see cref="EmailSendException"/>.
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

public sealed class EmailSendException(string message, int? status) : Exception(message)
{
    public int? Status { get; } = status;
}
