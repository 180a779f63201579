using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Scoring;

/// <summary>
/// Recomputes a lead's score, grade and automatic stage, and explains every change on the timeline.
/// <paramref name="cause"/> (a submission or event id) makes the entries' ids deterministic, so a
/// redelivered message writes nothing new. A handoff id also carries the lead's id: one cause (a nightly
/// rescore, a client's Idempotency-Key) can move many leads, and the CRM tells handoffs apart by that id.
/// </summary>
public static class LeadEvaluator
{
    public static (Lead Lead, List<TimelineEntry> Entries) Evaluate(
        Lead lead,
        Lead? before,
        IReadOnlyList<EngagementEvent> events,
        LeadScorer scorer,
        DateTimeOffset now,
        string cause
    )
    {
        var entries = new List<TimelineEntry>();
        var score = scorer.Score(lead, lead.Enrichment, events, now);
        var evaluated = lead with
        {
            Score = new LeadScore(score.Fit, score.Engagement),
            Grade = score.Grade,
            Temperature = score.Temperature,
        };
        if (before is null || before.Score != evaluated.Score || before.Grade != evaluated.Grade)
        {
            entries.Add(
                new TimelineEntry(
                    $"score|{cause}",
                    now,
                    TimelineKind.Score,
                    $"Score {before?.Score.Total ?? 0} → {score.Total}, grade {score.Grade}: {score.Explain()}"
                )
            );
        }

        if ((before?.Temperature ?? Temperature.Cold) != score.Temperature)
        {
            entries.Add(
                new TimelineEntry(
                    $"temperature|{cause}",
                    now,
                    TimelineKind.Temperature,
                    TemperatureChange(before?.Temperature ?? Temperature.Cold, score, scorer.Model.Temperature)
                )
            );
        }

        // Stages move forward by themselves, never back; the threshold is crossed once per lead.
        if (
            score.Total >= scorer.Model.MqlThreshold
            && LifecycleStages.Furthest(evaluated.Stage, LifecycleStage.Mql) != evaluated.Stage
        )
        {
            entries.Add(
                new TimelineEntry(
                    $"stage|{cause}",
                    now,
                    TimelineKind.Stage,
                    $"Stage {evaluated.Stage.ToApiName()} → mql: total score {score.Total} reached the MQL threshold "
                        + $"{scorer.Model.MqlThreshold}"
                )
            );
            evaluated = evaluated with
            {
                Stage = LifecycleStage.Mql,
                PendingHandoff = new PendingHandoff($"mql-{lead.Id}-{cause}", now),
            };
        }

        return (evaluated, entries);
    }

    /// <summary>"Temperature cold → warm: engagement 12 ≥ warm 10, last activity 2026-11-28 (within 90
    /// days)".</summary>
    private static string TemperatureChange(Temperature before, ScoreResult score, TemperatureRules rules)
    {
        var activity = score.LastActivity is { } last ? $"last activity {last:yyyy-MM-dd}" : "no scored activity";
        var why = score.Temperature switch
        {
            Temperature.Hot =>
                $"engagement {score.Engagement} ≥ hot {rules.Hot}, {activity} (within {rules.HotWithinDays} days)",
            Temperature.Warm =>
                $"engagement {score.Engagement} ≥ warm {rules.Warm}, {activity} (within {rules.WarmWithinDays} days)",
            _ => score.Engagement < rules.Warm
                ? $"engagement {score.Engagement} < warm {rules.Warm}"
                : $"{activity}, none within {rules.WarmWithinDays} days",
        };
        return $"Temperature {before.ToApiName()} → {score.Temperature.ToApiName()}: {why}";
    }
}

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
