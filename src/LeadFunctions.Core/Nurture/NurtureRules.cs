namespace LeadFunctions.Core.Nurture;

/// <summary>
/// How often one person may get a nurture email (<c>Nurture:MinGapBetweenEmails</c>, across all campaigns), and how
/// long a send that cannot go yet waits before it is looked at again.
/// </summary>
public sealed record NurtureRules(TimeSpan MinGapBetweenEmails)
{
    public static readonly NurtureRules Default = new(TimeSpan.FromHours(24));

    /// <summary>
    /// A send that gave way to a higher-priority campaign's due send looks again this soon: by then that email has
    /// gone (and the gap defers this one properly) or was itself moved, and this one may go.
    /// </summary>
    public static readonly TimeSpan PriorityRecheck = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A person whose double opt-in is pending is looked at again this often until the confirmation link expires
    /// (<c>Consent:ConfirmationTtl</c>, counted from enrollment); then the enrollment stops.
    /// </summary>
    public static readonly TimeSpan PendingConsentRecheck = TimeSpan.FromHours(6);
}
