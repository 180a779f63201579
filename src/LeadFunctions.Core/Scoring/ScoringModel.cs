using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Scoring;

/// <summary>
/// The scoring rules marketing and sales agree on, stored as data (GET/PUT /api/scoring-model).
/// Fit is who the person is; engagement is what they did, with a half-life so old interest fades.
/// </summary>
public sealed record ScoringModel
{
    public required FitRules Fit { get; init; }

    public required EngagementRules Engagement { get; init; }

    /// <summary>The least fit score for grade A, B and C; below C is D.</summary>
    public required GradeThresholds Grades { get; init; }

    /// <summary>A lead whose total score reaches this becomes an MQL and is handed to sales.</summary>
    public required int MqlThreshold { get; init; }

    /// <summary>Cold, warm and hot; a model saved before temperatures existed gets these defaults.</summary>
    public TemperatureRules Temperature { get; init; } = new();
}

/// <summary>
/// Hot: engagement (already decayed by the half-life) at least <see cref="Hot"/> with a scored event in the last
/// <see cref="HotWithinDays"/> days; warm: at least <see cref="Warm"/> with one in the last
/// <see cref="WarmWithinDays"/>; else cold.
/// </summary>
public sealed record TemperatureRules
{
    public int Warm { get; init; } = 10;

    public int WarmWithinDays { get; init; } = 90;

    public int Hot { get; init; } = 40;

    public int HotWithinDays { get; init; } = 14;
}

public sealed record FitRules
{
    /// <summary>The first rule with a keyword in the job title counts (put the most senior first).</summary>
    public IReadOnlyList<KeywordRule> JobTitle { get; init; } = [];

    public IReadOnlyList<KeywordRule> Industry { get; init; } = [];

    /// <summary>The first range holding the company's employee count counts.</summary>
    public IReadOnlyList<RangeRule> CompanySize { get; init; } = [];

    /// <summary>Points per ISO 3166 alpha-2 country code.</summary>
    public IReadOnlyDictionary<string, int> Country { get; init; } = new Dictionary<string, int>();

    public int BusinessEmail { get; init; }

    public int FreeMail { get; init; }

    public int Disposable { get; init; }
}

/// <summary>Matches when a word of the field starts with any of the keywords, compared folded (case and accents
/// ignored).</summary>
public sealed record KeywordRule(IReadOnlyList<string> Keywords, int Points);

public sealed record RangeRule(int Min, int? Max, int Points);

public sealed record EngagementRules
{
    /// <summary>Points per event type, with an optional cap of counted events per type per day.</summary>
    public required IReadOnlyDictionary<string, EventRule> Events { get; init; }

    /// <summary>An event's points halve every this many days.</summary>
    public double HalfLifeDays { get; init; } = 30;

    /// <summary>The most engagement can add up to, if set.</summary>
    public int? Max { get; init; }
}

public sealed record EventRule(int Points, int? MaxPerDay = null);

public sealed record GradeThresholds(int A, int B, int C);

/// <summary>The model in force until someone PUTs their own: a B2B default in English and Turkish.</summary>
public static class DefaultScoringModel
{
    public static ScoringModel Create() =>
        new()
        {
            Fit = new FitRules
            {
                JobTitle =
                [
                    // First match wins, so the deputies come before the titles they contain.
                    new(["vice president", "vp", "genel mudur yardimcisi", "deputy"], 20),
                    new(
                        [
                            "ceo",
                            "cto",
                            "cfo",
                            "coo",
                            "founder",
                            "owner",
                            "president",
                            "genel mudur",
                            "kurucu",
                            "sahibi",
                            "yonetim kurulu",
                        ],
                        25
                    ),
                    new(["director", "head of", "direktor"], 20),
                    new(["manager", "mudur", "yonetici", "lead"], 12),
                    new(["engineer", "specialist", "analyst", "uzman", "muhendis", "analist"], 5),
                    new(["student", "intern", "ogrenci", "stajyer"], -15),
                ],
                Industry =
                [
                    new(["software", "saas", "technology", "yazilim", "teknoloji", "finance", "finans", "bank"], 10),
                ],
                CompanySize = [new(1, 9, 0), new(10, 199, 8), new(200, 999, 12), new(1000, null, 15)],
                Country = new Dictionary<string, int>
                {
                    ["TR"] = 5,
                    ["DE"] = 5,
                    ["NL"] = 5,
                    ["GB"] = 5,
                    ["US"] = 5,
                },
                BusinessEmail = 10,
                FreeMail = -5,
                Disposable = -50,
            },
            Engagement = new EngagementRules
            {
                Events = new Dictionary<string, EventRule>
                {
                    [EventTypes.PageView] = new(1, MaxPerDay: 5),
                    [EventTypes.ContentDownload] = new(10, MaxPerDay: 2),
                    [EventTypes.PricingPageView] = new(15, MaxPerDay: 1),
                    [EventTypes.DemoRequest] = new(40),
                    [EventTypes.WebinarRegistered] = new(10),
                    [EventTypes.WebinarAttended] = new(20),
                    [EventTypes.EmailOpen] = new(1, MaxPerDay: 2),
                    [EventTypes.EmailClick] = new(5, MaxPerDay: 3),
                },
                HalfLifeDays = 30,
                Max = 100,
            },
            Grades = new GradeThresholds(A: 40, B: 25, C: 10),
            MqlThreshold = 60,
            Temperature = new TemperatureRules
            {
                Warm = 10,
                WarmWithinDays = 90,
                Hot = 40,
                HotWithinDays = 14,
            },
        };
}
