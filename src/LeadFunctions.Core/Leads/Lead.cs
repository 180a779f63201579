using System.Text.RegularExpressions;
using LeadFunctions.Core.Enrichment;

namespace LeadFunctions.Core.Leads;

/// <summary>One person, merged from every submission that named their email.</summary>
public sealed record Lead
{
    public required string Id { get; init; }
    public required string Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? JobTitle { get; init; }
    public string? Phone { get; init; }
    public string? Country { get; init; }
    public string? Industry { get; init; }
    public int? CompanySize { get; init; }
    public required string Source { get; init; }
    public LifecycleStage Stage { get; init; }
    public string? DisqualifyReason { get; init; }
    public LeadScore Score { get; init; } = LeadScore.Zero;
    public string Grade { get; init; } = "D";

    /// <summary>Cold, warm or hot, kept current with the score (nightly too, as engagement decays).</summary>
    public Temperature Temperature { get; init; }
    public LeadEnrichment? Enrichment { get; init; }
    public Conversion? Conversion { get; init; }

    /// <summary>A sales handoff decided but not yet sent: set in the same write as the MQL move.</summary>
    public PendingHandoff? PendingHandoff { get; init; }

    /// <summary>Each channel's consent, derived from the ledger (<see cref="Consent.ConsentLedger"/>).</summary>
    public ConsentState Consent { get; init; } = ConsentState.Empty;

    /// <summary>İYS BIREYSEL or TACIR: a merchant may be mailed until they refuse where <c>Consent:Policy</c> allows
    /// it.</summary>
    public RecipientType RecipientType { get; init; } = RecipientType.Individual;

    /// <summary>"tr" or "en": the language of the emails and pages this person gets; null means by country.</summary>
    public string? Language { get; init; }

    /// <summary>The normalized email of the person who referred them; the first referral is kept. Their lead id is
    /// <see cref="LeadId.FromEmail"/> of it.</summary>
    public string? ReferredBy { get; init; }

    /// <summary>When the last nurture email (of any campaign) was claimed for this person: the frequency cap counts
    /// from it.</summary>
    public DateTimeOffset? LastNurtureAt { get; init; }

    /// <summary>
    /// When each type of engagement event last occurred (the lead write keeps it with every
    /// write): the stop events of a campaign are judged from the lead row alone, without reading the events.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastEventAt { get; init; } =
        new Dictionary<string, DateTimeOffset>();

    public IReadOnlyDictionary<string, string> SourceDetail { get; init; } = new Dictionary<string, string>();
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the newest submission merged into this lead was received; older ones only fill gaps.</summary>
    public required DateTimeOffset LastSubmittedAt { get; init; }
}

public static class LeadEventRecency
{
    /// <summary>The lead with <paramref name="events"/> counted in <see cref="Lead.LastEventAt"/> (the latest of each
    /// type kept).</summary>
    public static Lead WithEventsSeen(this Lead lead, IEnumerable<EngagementEvent> events)
    {
        var latest = new Dictionary<string, DateTimeOffset>(lead.LastEventAt, StringComparer.Ordinal);
        var changed = false;
        foreach (var e in events)
        {
            if (!latest.TryGetValue(e.Type, out var seen) || e.OccurredAt > seen)
            {
                (latest[e.Type], changed) = (e.OccurredAt, true);
            }
        }

        return changed ? lead with { LastEventAt = latest } : lead;
    }

    /// <summary>The types of event that occurred at or after <paramref name="since"/>.</summary>
    public static IEnumerable<string> EventTypesSince(this Lead lead, DateTimeOffset since) =>
        lead.LastEventAt.Where(e => e.Value >= since).Select(e => e.Key);
}

public sealed record LeadScore(int Fit, int Engagement)
{
    public static readonly LeadScore Zero = new(0, 0);

    public int Total => Fit + Engagement;
}

/// <summary>The records a conversion created (docs/reference.md, "convert"), kept on the lead as the link
/// back.</summary>
public sealed record Conversion(string ContactId, string AccountId, string OpportunityId, DateTimeOffset At);

public sealed record PendingHandoff(string Id, DateTimeOffset At);

public static class LeadNames
{
    /// <summary>"Ayşe Yılmaz", or the part there is; null without a name (an email's display name).</summary>
    public static string? FullName(this Lead lead) =>
        string.Join(' ', new[] { lead.FirstName, lead.LastName }.Where(n => n is not null)) is { Length: > 0 } name
            ? name
            : null;
}

/// <summary>Where a person stands in the funnel. The order of the values is the order of the funnel.</summary>
public enum LifecycleStage
{
    Subscriber,
    Lead,
    Mql,
    Sql,
    Opportunity,
    Customer,
    Disqualified,
}

public static class LifecycleStages
{
    /// <summary>Stages never move backwards by themselves: an automatic move keeps the further of the two.</summary>
    public static LifecycleStage Furthest(LifecycleStage current, LifecycleStage proposed) =>
        current == LifecycleStage.Disqualified || proposed <= current ? current : proposed;

    public static string ToApiName(this LifecycleStage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out LifecycleStage stage) =>
        Enum.TryParse(value, ignoreCase: true, out stage) && Enum.IsDefined(stage);
}

/// <summary>How warm a person's interest is now: from their engagement and how recent it is (the scoring model's
/// temperature rules).</summary>
public enum Temperature
{
    Cold,
    Warm,
    Hot,
}

public static class Temperatures
{
    public static string ToApiName(this Temperature temperature) => temperature.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out Temperature temperature) =>
        Enum.TryParse(value, ignoreCase: true, out temperature)
        && Enum.IsDefined(temperature)
        && !int.TryParse(value, out _);
}

/// <summary>The one rule for a source name (a lead's, an event's, a webinar platform's, a list filter's).</summary>
public static partial class LeadSources
{
    /// <summary>The source of a lead or event that names none.</summary>
    public const string Default = "web";

    public const string Rule = "1 to 50 lowercase letters, digits, '-' or '_'.";

    public static bool IsValid(string? source) => source is not null && Pattern().IsMatch(source);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>The languages our emails and pages speak, and which one a person gets.</summary>
public static class Languages
{
    public const string Turkish = "tr";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Turkish, English];

    public static bool IsSupported(string? language) => language is Turkish or English;

    /// <summary>The lead's own choice, else Turkish for a person in Turkey, else English.</summary>
    public static string For(Lead lead) =>
        IsSupported(lead.Language) ? lead.Language!
        : string.Equals(lead.Country, "TR", StringComparison.OrdinalIgnoreCase) ? Turkish
        : English;
}
