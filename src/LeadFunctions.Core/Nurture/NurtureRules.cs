namespace LeadFunctions.Core.Nurture;

/// <summary>
/// How often one person may get a nurture email (<c>Nurture:MinGapBetweenEmails</c>, across all campaigns), whether a
/// send left uncertain is tried once more when SendGrid has said nothing of it after a while
/// (<c>Nurture:ResendUnconfirmedAfter</c>, off when null), and how long a send that cannot go yet waits before it is
/// looked at again.
/// </summary>
public sealed record NurtureRules(TimeSpan MinGapBetweenEmails, TimeSpan? ResendUnconfirmedAfter = null)
{
    public static readonly NurtureRules Default = new(TimeSpan.FromHours(24));

    /// <summary>
    /// A send that gave way to a higher-priority campaign's due send looks again this soon: by then that email has
    /// gone (and the gap defers this one properly) or was itself moved, and this one may go.
    /// </summary>
    public static readonly TimeSpan PriorityRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A higher-priority campaign's send overdue by longer than this is not waited for: a due send goes out within
    /// minutes or is moved (rescheduled, failed, uncertain), so one this late is one nobody is sending, and it must
    /// not hold the person's other campaigns back.
    /// </summary>
    public static readonly TimeSpan RivalOverdueLimit = TimeSpan.FromHours(1);

    /// <summary>A send SendGrid did not take (429, 5xx), even after the sender's own retries, is tried again this much
    /// later.</summary>
    public static readonly TimeSpan UnavailableRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A person whose double opt-in is pending is looked at again this often until the confirmation link expires
    /// (<c>Consent:ConfirmationTtl</c>, counted from enrollment); then the enrollment stops.
    /// </summary>
    public static readonly TimeSpan PendingConsentRecheck = TimeSpan.FromHours(6);
}
