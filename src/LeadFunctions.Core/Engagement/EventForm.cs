namespace LeadFunctions.Core.Engagement;

/// <summary>An engagement event as POSTed to /api/events, before validation.</summary>
public sealed record EventForm(
    string? Email,
    string? LeadId,
    string? Type,
    string? OccurredAt,
    string? Url,
    string? Source
);
