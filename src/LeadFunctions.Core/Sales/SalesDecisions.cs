using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Sales;

/// <summary>
/// What sales can decide about a lead, and when. Manual moves may go where automatic ones never do
/// (a disqualified lead can be qualified again, as in Dynamics 365), but never into a stage the lead
/// has already passed.
/// </summary>
public static class SalesDecisions
{
    public const int MaxReasonLength = 200;

    /// <summary>
    /// The lead becomes an SQL; a disqualified lead that had been converted goes back to its opportunity
    /// (the same contact, account and opportunity records), not to a stage it had passed.
    /// </summary>
    public static Decision Qualify(Lead lead, DateTimeOffset now) =>
        lead switch
        {
            { Stage: LifecycleStage.Disqualified, Conversion: not null } => Move(
                lead with
                {
                    DisqualifyReason = null,
                },
                LifecycleStage.Opportunity,
                now,
                "Qualified again by sales; its opportunity is reopened"
            ),
            { Stage: LifecycleStage.Disqualified or < LifecycleStage.Sql } => Move(
                lead with
                {
                    DisqualifyReason = null,
                },
                LifecycleStage.Sql,
                now,
                "Qualified by sales"
            ),
            _ => Decision.Refused($"A lead in stage {lead.Stage.ToApiName()} cannot be qualified."),
        };

    public static Decision Disqualify(Lead lead, string? reason, DateTimeOffset now)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxReasonLength || SafeText.HasControlCharacters(trimmed))
        {
            return Decision.Invalid(
                "reason",
                $"Say why, in 1 to {MaxReasonLength} characters (e.g. Lost, Cannot Contact, No Longer Interested, "
                    + $"Canceled)."
            );
        }

        return lead.Stage is LifecycleStage.Customer or LifecycleStage.Disqualified
            ? Decision.Refused($"A lead in stage {lead.Stage.ToApiName()} cannot be disqualified.")
            : Move(
                lead with
                {
                    DisqualifyReason = trimmed,
                },
                LifecycleStage.Disqualified,
                now,
                $"Disqualified by sales: {trimmed}"
            );
    }

    /// <summary>Converts into contact, account and opportunity; their ids are derived from the lead so a retry creates
    /// nothing twice.</summary>
    public static Decision Convert(Lead lead, DateTimeOffset now)
    {
        if (lead.Stage is LifecycleStage.Disqualified or >= LifecycleStage.Opportunity || lead.Conversion is not null)
        {
            return Decision.Refused($"A lead in stage {lead.Stage.ToApiName()} cannot be converted.");
        }

        var conversion = new Conversion($"contact-{lead.Id}", AccountId.For(lead), $"opportunity-{lead.Id}", now);
        return Move(
            lead with
            {
                Conversion = conversion,
            },
            LifecycleStage.Opportunity,
            now,
            "Converted to contact, account and opportunity"
        );
    }

    /// <summary>The opportunity is won: the lead becomes a customer (the end of the funnel; only a converted lead gets
    /// there).</summary>
    public static Decision Win(Lead lead, DateTimeOffset now) =>
        lead is { Stage: LifecycleStage.Opportunity, Conversion: not null }
            ? Move(lead, LifecycleStage.Customer, now, "Opportunity won")
            : Decision.Refused(
                $"A lead in stage {lead.Stage.ToApiName()} has no open opportunity to win; convert it first."
            );

    private static Decision Move(Lead lead, LifecycleStage stage, DateTimeOffset now, string why) =>
        Decision.Made(
            lead with
            {
                Stage = stage,
                UpdatedAt = now,
            },
            new TimelineEntry(
                $"decision|{stage.ToApiName()}|{now.UtcTicks}",
                now,
                TimelineKind.Stage,
                $"Stage {lead.Stage.ToApiName()} → {stage.ToApiName()}: {why}"
            )
        );
}

public sealed record Decision(Lead? Lead, TimelineEntry? Entry, string? Field, string? Problem)
{
    public static Decision Made(Lead lead, TimelineEntry entry) => new(lead, entry, null, null);

    public static Decision Refused(string problem) => new(null, null, null, problem);

    public static Decision Invalid(string field, string problem) => new(null, null, field, problem);
}
