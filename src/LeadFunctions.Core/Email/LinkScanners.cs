using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Email;

/// <summary>
/// The clicks that say nothing about the person, so are no engagement (no email_click, no Clicked on a campaign step,
/// no stopWhen or trigger), as a machine open is not: a link scanner's (Safe Links, Mimecast follow the links of an
/// email as it arrives, or every link at once), and any click on our unsubscribe link (leaving shows no interest). The
/// one rule:
/// <see cref="SendGridEventProcessor"/> judges each click with it once, and the classifier and
/// <see cref="Campaigns.NurtureEventRecorder"/> both read that verdict (<see cref="SendGridEvent.IgnoredClick"/>).
/// </summary>
public static class LinkScanners
{
    /// <summary>
    /// A click this soon after delivery is a scanner's: a person has not yet opened the email, read it and chosen a
    /// link. It leaves room for SendGrid's whole-second times and for the delivered and click events coming from
    /// different machines.
    /// </summary>
    public static readonly TimeSpan AfterDelivery = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Different links of one email clicked this close together are a scanner following every link: a person reads the
    /// page a link opened before coming back for another. Two seconds, as the times are whole seconds.
    /// </summary>
    public static readonly TimeSpan AllLinksAtOnce = TimeSpan.FromSeconds(2);

    /// <summary>Whether <paramref name="click"/> is no engagement, given what is known of its email.</summary>
    public static bool Ignored(SendGridEvent click, EmailClicks email)
    {
        if (
            IsUnsubscribeLink(click.Url)
            || (email.DeliveredAt is { } delivered && click.At - delivered <= AfterDelivery)
        )
        {
            return true;
        }

        return click.Url is { } url
            && email.Clicks.Any(other =>
                other.Link != LinkId(url) && (other.At - click.At).Duration() <= AllLinksAtOnce
            );
    }

    /// <summary>A link as kept on a campaign step: a short hash, as a URL can be 2 KB long and carry someone's
    /// token.</summary>
    public static string LinkId(string url) => StableId.From("link", url);

    /// <summary>Our unsubscribe link on whatever host it was sent from
    /// (<see cref="ConsentLinks.UnsubscribePath"/>).</summary>
    private static bool IsUnsubscribeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.AbsolutePath.TrimEnd('/')
            .EndsWith("/" + ConsentLinks.UnsubscribePath, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One click on an email: when, and which link (<see cref="LinkScanners.LinkId"/>).</summary>
public readonly record struct EmailClick(DateTimeOffset At, string Link);

/// <summary>What is known of one email when a click on it is judged: when it was delivered (else sent), and other
/// clicks on it.</summary>
public sealed record EmailClicks(DateTimeOffset? DeliveredAt, IReadOnlyList<EmailClick> Clicks)
{
    /// <summary>What one batch says of each of its emails, by lf_send (the confirmation email has none: by lead and
    /// kind).</summary>
    public static Func<SendGridEvent, EmailClicks> InBatch(IReadOnlyList<SendGridEvent> events)
    {
        var emails = events
            .GroupBy(Key)
            .ToDictionary(
                email => email.Key,
                email => new EmailClicks(
                    email.Where(e => e.Type == "delivered").Select(e => (DateTimeOffset?)e.At).Min(),
                    [
                        .. email
                            .Where(e => e.Type == "click" && e.Url is not null)
                            .Select(e => new EmailClick(e.At, LinkScanners.LinkId(e.Url!))),
                    ]
                ),
                StringComparer.Ordinal
            );
        return sendGridEvent => emails.GetValueOrDefault(Key(sendGridEvent), new EmailClicks(null, []));
    }

    private static string Key(SendGridEvent sendGridEvent) =>
        sendGridEvent.SendId ?? $"{sendGridEvent.LeadId}|{sendGridEvent.Kind}";
}
