namespace LeadFunctions.Core.Leads;

/// <summary>
/// A step of an enrollment that falls due at <see cref="DueAt"/>: an entry of the due index and, once due, part of a
/// nurture-send message.
/// </summary>
public sealed record DueSend(string LeadId, string CampaignId, string StepId, DateTimeOffset DueAt);
