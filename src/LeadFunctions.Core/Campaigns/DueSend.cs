namespace LeadFunctions.Core.Campaigns;

/// <summary>A step of an enrollment that falls due at <see cref="DueAt"/>: an entry of the due index and, once due, part of a nurture-send message.</summary>
public sealed record DueSend(string LeadId, string CampaignId, string StepId, DateTimeOffset DueAt);

/// <summary>
/// A nurture-send message: due sends the timer found together. <see cref="DispatchId"/> is new for every
/// message queued, so a redelivery of this message recognises a claim it made itself.
/// </summary>
public sealed record NurtureSendBatch(string DispatchId, IReadOnlyList<DueSend> Sends);
