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
