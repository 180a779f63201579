using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Scoring;

/// <summary>A lead's score with the reasons for it: which rule gave how many points.</summary>
public sealed record ScoreResult(
    int Fit,
    int Engagement,
    string Grade,
    IReadOnlyList<ScoreReason> Reasons,
    Temperature Temperature = Temperature.Cold,
    DateTimeOffset? LastActivity = null
)
{
    public int Total => Fit + Engagement;

    /// <summary>"fit 35 (jobTitle +20, businessEmail +10, country TR +5); engagement 27 (pricing_page_view ×2
    /// +27)".</summary>
    public string Explain()
    {
        static string Part(IEnumerable<ScoreReason> reasons) =>
            string.Join(", ", reasons.Select(r => $"{r.Rule} {r.Points:+#;-#;0}"));
        return $"fit {Fit} ({Part(Reasons.Where(r => r.IsFit))}); engagement {Engagement} "
            + $"({Part(Reasons.Where(r => !r.IsFit))})";
    }
}

public sealed record ScoreReason(string Rule, int Points, bool IsFit);
