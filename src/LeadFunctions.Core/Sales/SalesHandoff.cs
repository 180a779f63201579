using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Sales;

/// <summary>A lead handed to sales when it became an MQL, as it travels on the sales-handoff queue and to the CRM
/// webhook.</summary>
public sealed record SalesHandoff(
    string HandoffId,
    string LeadId,
    string Email,
    string? FirstName,
    string? LastName,
    string? Company,
    string? JobTitle,
    string? Phone,
    string? Country,
    string Source,
    int FitScore,
    int EngagementScore,
    int TotalScore,
    string Grade,
    DateTimeOffset At
)
{
    public static SalesHandoff For(Lead lead, PendingHandoff pending) =>
        new(
            pending.Id,
            lead.Id,
            lead.Email,
            lead.FirstName,
            lead.LastName,
            lead.Company,
            lead.JobTitle,
            lead.Phone,
            lead.Country,
            lead.Source,
            lead.Score.Fit,
            lead.Score.Engagement,
            lead.Score.Total,
            lead.Grade,
            pending.At
        );

    /// <summary>The timeline entry that records delivery; its id makes a second delivery detectable.</summary>
    public TimelineEntry DeliveredEntry() => new($"handoff|{HandoffId}", At, TimelineKind.Handoff, "Handed to sales");
}

public interface ISalesHandoffQueue
{
    Task EnqueueAsync(SalesHandoff handoff, CancellationToken cancellationToken);
}

/// <summary>The CRM's inbox for handoffs, if one is configured (SalesHandoff:WebhookUrl).</summary>
public interface ISalesHandoffWebhook
{
    Task PostAsync(SalesHandoff handoff, CancellationToken cancellationToken);
}
