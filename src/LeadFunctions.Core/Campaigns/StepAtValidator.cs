using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Campaigns;

/// <summary>An email step's time as people mean it (<see cref="StepAt"/>), and the delay that goes with it.</summary>
internal static class StepAtValidator
{
    public static StepAt At(FieldErrors errors, string field, AtDefinition written)
    {
        var time = written.Time is null
            ? (TimeOnly?)null
            : CampaignValidator.Time(errors, $"{field}.time", written.Time);
        var days = CampaignValidator.Days(errors, $"{field}.days", written.Days);
        if (written.RelativeTo is { } name && !EnrollmentDates.Names.Contains(name))
        {
            errors.Add(
                $"{field}.relativeTo",
                $"'{name}' is not a date enrollments carry; use {string.Join(", ", EnrollmentDates.Names)}."
            );
        }

        var offset = TimeSpan.Zero;
        if (written.RelativeTo is null)
        {
            JourneyStepValidator.Refuse(errors, field, "a time without relativeTo", ("offset", written.Offset));
            if (written.Time is null)
            {
                errors.Add(field, "A time of day (\"10:00\"), or a date it is relative to (relativeTo).");
            }
        }
        else if (written.Offset is not null)
        {
            offset = CampaignValidator.Duration(errors, $"{field}.offset", written.Offset, -CampaignValidator.MaxDelay);
        }

        if (days.Count > 0 && written.Time is null)
        {
            errors.Add($"{field}.days", "Days need a time of day.");
        }

        return new StepAt(time, days, written.RelativeTo, offset);
    }

    /// <summary>The delay: required, unless the step goes at a date and its offset, which no delay adds to.</summary>
    public static TimeSpan Delay(FieldErrors errors, string field, string? written, StepAt? at)
    {
        if (at?.RelativeTo is null)
        {
            return CampaignValidator.Delay(errors, $"{field}.delay", written);
        }

        JourneyStepValidator.Refuse(errors, field, "a step at a date (at.relativeTo)", ("delay", written));
        return TimeSpan.Zero;
    }
}
