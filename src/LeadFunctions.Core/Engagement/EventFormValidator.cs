using System.Globalization;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Engagement;

/// <summary>Turns a posted event into an <see cref="EngagementEvent"/> for the person's lead id, or says field by field
/// what is wrong.</summary>
public static class EventFormValidator
{
    /// <summary>Clocks differ a little; an event further in the future than this is refused.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Older engagement has decayed to nothing worth scoring.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    public static ValidationResult<EngagementEvent> Validate(EventForm form, string eventId, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var leadId = ResolveLeadId(form, errors);
        var type = errors.Text("type", form.Type, 50);
        if (type is null || !EventTypes.All.Contains(type))
        {
            errors.Add("type", $"One of {string.Join(", ", EventTypes.All)}.");
        }

        var occurredAt = now;
        var occurred = errors.Text("occurredAt", form.OccurredAt, 40);
        if (
            occurred is not null
            && (
                !DateTimeOffset.TryParse(
                    occurred,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal,
                    out occurredAt
                )
                || occurredAt > now + FutureTolerance
                || occurredAt < now - MaxAge
            )
        )
        {
            errors.Add("occurredAt", "An ISO 8601 time within the last year, not in the future.");
        }

        var url = errors.Text("url", form.Url, 2048);
        if (
            url is not null
            && !(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
        )
        {
            errors.Add("url", "Must be an absolute http(s) URL.");
        }

        var source = errors.Text("source", form.Source, 50)?.ToLowerInvariant() ?? LeadSources.Default;
        if (!LeadSources.IsValid(source))
        {
            errors.Add("source", LeadSources.Rule);
        }

        return errors.Any || leadId is null || type is null
            ? ValidationResult.Failure<EngagementEvent>(errors.ToDictionary())
            : ValidationResult.Success(
                new EngagementEvent
                {
                    EventId = eventId,
                    LeadId = leadId,
                    Type = type,
                    OccurredAt = occurredAt.ToUniversalTime(),
                    Source = source,
                    Url = url,
                }
            );
    }

    private static string? ResolveLeadId(EventForm form, FieldErrors errors)
    {
        var email = errors.Text("email", form.Email, 254);
        var leadId = errors.Text("leadId", form.LeadId, LeadId.Length);
        if (email is not null)
        {
            if (EmailAddress.TryNormalize(email, out var normalized))
            {
                return LeadId.FromEmail(normalized);
            }

            errors.Add("email", "Not a valid email address.");
            return null;
        }

        if (leadId is not null && LeadId.IsWellFormed(leadId))
        {
            return leadId;
        }

        errors.Add(
            leadId is null ? "email" : "leadId",
            leadId is null ? "Give the person's email or leadId." : "Not a lead id."
        );
        return null;
    }
}
