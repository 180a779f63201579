namespace LeadFunctions.Core.Email;

/// <summary>
/// One SendGrid Event Webhook event, read and checked by <see cref="SendGridEventReader"/>: who it is about
/// (the normalized email and the lead it routes to), what happened and when, and our custom args.
/// </summary>
public sealed record SendGridEvent
{
    /// <summary>sg_event_id: SendGrid's id of the event, the same on every redelivery; safe in a table key.</summary>
    public required string EventId { get; init; }

    /// <summary>"processed", "delivered", "open", "bounce" … as SendGrid names it.</summary>
    public required string Type { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Email { get; init; }

    /// <summary>The lf_lead custom arg when it is a lead id, else the email's lead id.</summary>
    public required string LeadId { get; init; }

    /// <summary>lf_send, when present and safe in a table key.</summary>
    public string? SendId { get; init; }

    public string? Campaign { get; init; }

    public string? Step { get; init; }

    /// <summary>lf_kind: "nurture" for a campaign's email, whose events also mark its step
    /// (<see cref="Campaigns.NurtureEventRecorder"/>).</summary>
    public string? Kind { get; init; }

    /// <summary>A bounce's "type": "bounce" (hard) or "blocked" (soft).</summary>
    public string? BounceType { get; init; }

    /// <summary>SendGrid's reason or response, with the address itself taken out and cut short.</summary>
    public string? Reason { get; init; }

    /// <summary>sg_machine_open: an open by a mail privacy proxy (Apple MPP), not by the person.</summary>
    public bool MachineOpen { get; init; }

    /// <summary>A click's absolute http(s) URL.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// A click that is no engagement: a link scanner's, or on our unsubscribe link (<see cref="LinkScanners"/>). Not in
    /// the event itself: <see cref="SendGridEventProcessor"/> judges it with the rest of the batch and the campaign
    /// step.
    /// </summary>
    public bool IgnoredClick { get; init; }
}
