using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Scoring;

/// <summary>
/// Scores a lead against a model. Pure and allocation-light: keywords are folded once when the model
/// is compiled, so scoring is string searches and arithmetic.
/// </summary>
public sealed class LeadScorer
{
    private readonly ScoringModel model;
    private readonly (string[] Keywords, int Points)[] jobTitles;
    private readonly (string[] Keywords, int Points)[] industries;

    public LeadScorer(ScoringModel model)
    {
        this.model = model;
        jobTitles = Compile(model.Fit.JobTitle);
        industries = Compile(model.Fit.Industry);
    }

    public ScoringModel Model => model;

    /// <summary>Whether events of this type earn engagement points (and so count as activity).</summary>
    public bool Scores(string eventType) => model.Engagement.Events.ContainsKey(eventType);

    public ScoreResult Score(
        Lead lead,
        LeadEnrichment? enrichment,
        IReadOnlyList<EngagementEvent> events,
        DateTimeOffset now
    )
    {
        var reasons = new List<ScoreReason>();
        var fit = Fit(lead, enrichment, reasons);
        var engagement = Engagement(events, now, reasons);
        var grade =
            fit >= model.Grades.A ? "A"
            : fit >= model.Grades.B ? "B"
            : fit >= model.Grades.C ? "C"
            : "D";
        var lastActivity = events.Where(e => Scores(e.Type)).Select(e => (DateTimeOffset?)e.OccurredAt).Max();
        return new ScoreResult(
            fit,
            engagement,
            grade,
            reasons,
            TemperatureOf(engagement, lastActivity, now),
            lastActivity
        );
    }

    private Temperature TemperatureOf(int engagement, DateTimeOffset? lastActivity, DateTimeOffset now)
    {
        var rules = model.Temperature;
        bool Within(int days) => lastActivity is { } last && now - last <= TimeSpan.FromDays(days);
        return engagement >= rules.Hot && Within(rules.HotWithinDays) ? Temperature.Hot
            : engagement >= rules.Warm && Within(rules.WarmWithinDays) ? Temperature.Warm
            : Temperature.Cold;
    }

    private int Fit(Lead lead, LeadEnrichment? enrichment, List<ScoreReason> reasons)
    {
        var rules = model.Fit;
        var fit = 0;
        void Add(string rule, int points)
        {
            if (points != 0)
            {
                fit += points;
                reasons.Add(new ScoreReason(rule, points, IsFit: true));
            }
        }

        Add("jobTitle", FirstMatch(jobTitles, lead.JobTitle));
        Add("industry", FirstMatch(industries, lead.Industry));
        if (lead.CompanySize is { } size)
        {
            Add(
                "companySize",
                rules.CompanySize.FirstOrDefault(r => size >= r.Min && (r.Max is null || size <= r.Max))?.Points ?? 0
            );
        }

        var country = enrichment?.CountryCode;
        if (country is not null && rules.Country.TryGetValue(country, out var countryPoints))
        {
            Add($"country {country}", countryPoints);
        }

        if (enrichment is not null)
        {
            Add(
                enrichment.Disposable ? "disposableEmail"
                    : enrichment.FreeMail ? "freeMail"
                    : "businessEmail",
                enrichment.Disposable ? rules.Disposable
                    : enrichment.FreeMail ? rules.FreeMail
                    : rules.BusinessEmail
            );
        }

        return fit;
    }

    private int Engagement(IReadOnlyList<EngagementEvent> events, DateTimeOffset now, List<ScoreReason> reasons)
    {
        var rules = model.Engagement;
        var total = 0.0;
        foreach (var byType in events.GroupBy(e => e.Type, StringComparer.Ordinal))
        {
            if (!rules.Events.TryGetValue(byType.Key, out var rule))
            {
                continue;
            }

            // Refreshing the pricing page 200 times is not 200 times the intent: per day, only the
            // newest MaxPerDay events of a type count.
            var counted = byType
                .GroupBy(e => e.OccurredAt.UtcDateTime.Date)
                .SelectMany(day =>
                    rule.MaxPerDay is { } cap ? day.OrderByDescending(e => e.OccurredAt).Take(cap) : day
                );
            var points = counted.Sum(e =>
                rule.Points * Math.Pow(0.5, Math.Max(0, (now - e.OccurredAt).TotalDays) / rules.HalfLifeDays)
            );
            var rounded = (int)Math.Round(points, MidpointRounding.AwayFromZero);
            if (rounded != 0)
            {
                reasons.Add(new ScoreReason($"{byType.Key} ×{byType.Count()}", rounded, IsFit: false));
            }

            total += points;
        }

        var engagement = (int)Math.Round(total, MidpointRounding.AwayFromZero);
        return rules.Max is { } max ? Math.Min(engagement, max) : engagement;
    }

    private static int FirstMatch((string[] Keywords, int Points)[] rules, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var folded = TextFolding.Fold(value);
        foreach (var (keywords, points) in rules)
        {
            if (keywords.Any(k => ContainsWord(folded, k)))
            {
                return points;
            }
        }

        return 0;
    }

    /// <summary>
    /// The keyword must start a word ("cto" must not match "director"), but may be followed by more
    /// letters, because Turkish adds suffixes: "direktör" matches "Satış Direktörü".
    /// </summary>
    private static bool ContainsWord(string text, string keyword)
    {
        for (
            var i = text.IndexOf(keyword, StringComparison.Ordinal);
            i >= 0;
            i = text.IndexOf(keyword, i + 1, StringComparison.Ordinal)
        )
        {
            if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static (string[], int)[] Compile(IReadOnlyList<KeywordRule> rules) =>
        rules.Select(r => (r.Keywords.Select(TextFolding.Fold).ToArray(), r.Points)).ToArray();
}
