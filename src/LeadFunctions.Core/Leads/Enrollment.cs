using System.Text.Json.Serialization;

namespace LeadFunctions.Core.Leads;

/// <summary>
/// One lead in one campaign, kept in the lead row itself so that consent, stage and the enrollment are read
/// together (one point read) and changed in one write, under the lead row's ETag.
/// </summary>
public sealed record Enrollment
{
    public required string CampaignId { get; init; }

    public required DateTimeOffset EnrolledAt { get; init; }

    /// <summary>How many times the lead was in the campaign before this enrollment (a campaign that lets people
    /// enter again, <see cref="Campaigns.Campaign.Reenter"/>): 0 for the first. Sends and timeline entries of a later
    /// one are its own.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Reentries { get; init; }

    /// <summary>What names this enrollment in timeline entry ids: the campaign's id, and for a later entry its
    /// number ("fair|2").</summary>
    [JsonIgnore]
    public string Key => Reentries == 0 ? CampaignId : $"{CampaignId}|{Reentries + 1}";

    /// <summary>Why: "stage:lead", "event:webinar_attended", "source:fair" or "manual".</summary>
    public required string Reason { get; init; }

    public EnrollmentStatus Status { get; init; } = EnrollmentStatus.Active;

    /// <summary>Why it ended early (a stop condition, an archived campaign).</summary>
    public string? StopReason { get; init; }

    /// <summary>The step waiting to be sent and when it is due; null once none is left.</summary>
    public string? NextStepId { get; init; }

    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary>Dates brought by the event that started it ("webinar.startsAt"), for steps timed relative to them;
    /// null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, DateTimeOffset>? Dates { get; init; }

    /// <summary>Every step this enrollment has dealt with, in the order it did.</summary>
    public IReadOnlyList<StepRecord> Steps { get; init; } = [];

    /// <summary>Reached SQL or later after enrolling (counted once).</summary>
    public bool Converted { get; init; }

    public StepRecord? Step(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);

    /// <summary>The record of its step replaced where it stands (the order stays the order steps were first dealt
    /// with), or added last.</summary>
    public Enrollment WithStep(StepRecord record) =>
        this with
        {
            Steps = Steps.Any(s => s.StepId == record.StepId)
                ? [.. Steps.Select(s => s.StepId == record.StepId ? record : s)]
                : [.. Steps, record],
        };

    /// <summary>Forgets a step, as a released claim does (the step was refused before anything was sent).</summary>
    public Enrollment WithoutStep(string stepId) => this with { Steps = [.. Steps.Where(s => s.StepId != stepId)] };
}

public enum EnrollmentStatus
{
    Active,
    Completed,
    Stopped,
}

/// <summary>
/// What happened to one step of one enrollment. <see cref="StepState.Sending"/> is the claim written before
/// SendGrid is called; a claim whose holder died is <see cref="StepState.Uncertain"/>: counted, never sent again,
/// until SendGrid's event for its send says that it went (<see cref="Campaigns.NurtureEventRecorder"/>).
/// The flags count each person once per step in the stats.
/// </summary>
public sealed record StepRecord
{
    public required string StepId { get; init; }

    public required StepState State { get; init; }

    /// <summary>Stable per (lead, campaign, step): the lf_send custom arg; empty for a wait or a condition.</summary>
    public string SendId { get; init; } = "";

    /// <summary>The queue message that claimed it: a redelivery of that message finds its own claim.</summary>
    public string? DispatchId { get; init; }

    /// <summary>When the send was claimed; for a wait (<see cref="StepState.Waiting"/>), when it began.</summary>
    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? MessageId { get; init; }

    /// <summary>
    /// When SendGrid's first event for this send (processed, delivered, dropped, bounce) said it took the request,
    /// while the step was still claimed: a redelivery that finds its own claim counts it sent, not uncertain.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>
    /// This claim is the one more try of a send left uncertain (<c>Nurture:ResendUnconfirmedAfter</c>); on an uncertain
    /// record, that try was made: it is never tried again.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Resent { get; init; }

    /// <summary>The A/B variant of the email that was sent (<see cref="Campaigns.StepVariants"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Variant { get; init; }

    /// <summary>For a wait or a condition (<see cref="StepState.Passed"/>): the branch it took ("then", "else",
    /// "timeout", or the event of a wait's "on" that woke it; <see cref="Campaigns.Journeys"/>) and when.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Branch { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? PassedAt { get; init; }

    /// <summary>For <see cref="StepState.Skipped"/> and <see cref="StepState.Failed"/>.</summary>
    public string? Note { get; init; }

    public bool Delivered { get; init; }

    /// <summary>SendGrid's time of the delivered event: a click within seconds of it is a link scanner's
    /// (<see cref="Email.LinkScanners"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>
    /// The first click seen on the email, whoever made it, and its link (<see cref="Email.LinkScanners.LinkId"/>): a
    /// different link clicked within a second or two of it, in a later batch, is a scanner following every link. Set
    /// once, so a retried batch judges its clicks as it did the first time.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FirstClickAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstClickLink { get; init; }

    public bool Opened { get; init; }

    public bool Clicked { get; init; }

    public bool Bounced { get; init; }

    public bool Unsubscribed { get; init; }

    public bool SpamReported { get; init; }
}

public enum StepState
{
    Sending,
    Sent,
    Uncertain,
    Skipped,
    Failed,

    /// <summary>A wait the enrollment is on.</summary>
    Waiting,

    /// <summary>A wait or a condition the flow went through, by <see cref="StepRecord.Branch"/>.</summary>
    Passed,
}

/// <summary>
/// A step of an enrollment that falls due at <see cref="DueAt"/>: an entry of the due index and, once due, part of a
/// nurture-send message.
/// </summary>
public sealed record DueSend(string LeadId, string CampaignId, string StepId, DateTimeOffset DueAt);
