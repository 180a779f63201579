using System.Text.RegularExpressions;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Scoring;

/// <summary>What a scoring model must satisfy before it is stored: bounded points, ordered grades, sane
/// decay.</summary>
public static partial class ScoringModelValidator
{
    private const int MaxPoints = 100;
    private const int MaxRules = 100;
    private const string NotARule = "A rule, not null.";

    public static IReadOnlyDictionary<string, string[]> Validate(ScoringModel model)
    {
        var errors = new FieldErrors();
        CheckKeywords(errors, "fit.jobTitle", model.Fit.JobTitle);
        CheckKeywords(errors, "fit.industry", model.Fit.Industry);
        CheckCount(errors, "fit.companySize", model.Fit.CompanySize.Count);
        foreach (var (range, i) in model.Fit.CompanySize.Select((r, i) => (r, i)))
        {
            if (range is null)
            {
                errors.Add($"fit.companySize[{i}]", NotARule);
                continue;
            }

            if (range.Min < 0 || range.Max < range.Min)
            {
                errors.Add($"fit.companySize[{i}]", "Needs 0 <= min <= max.");
            }

            CheckPoints(errors, $"fit.companySize[{i}].points", range.Points);
        }

        foreach (var (country, points) in model.Fit.Country)
        {
            if (!CountryCode().IsMatch(country))
            {
                errors.Add("fit.country", $"'{country}' is not an ISO 3166 alpha-2 code (e.g. TR).");
            }

            CheckPoints(errors, $"fit.country.{country}", points);
        }

        CheckPoints(errors, "fit.businessEmail", model.Fit.BusinessEmail);
        CheckPoints(errors, "fit.freeMail", model.Fit.FreeMail);
        CheckPoints(errors, "fit.disposable", model.Fit.Disposable);

        CheckCount(errors, "engagement.events", model.Engagement.Events.Count);
        foreach (var (type, rule) in model.Engagement.Events)
        {
            if (!EventType().IsMatch(type))
            {
                errors.Add("engagement.events", $"'{type}' is not an event type (lowercase letters, digits and '_').");
            }

            if (rule is null)
            {
                errors.Add($"engagement.events.{type}", NotARule);
                continue;
            }

            CheckPoints(errors, $"engagement.events.{type}.points", rule.Points);
            if (rule.MaxPerDay is < 1)
            {
                errors.Add($"engagement.events.{type}.maxPerDay", "Must be at least 1 when set.");
            }
        }

        if (model.Engagement.HalfLifeDays is not (> 0 and <= 3650))
        {
            errors.Add("engagement.halfLifeDays", "Must be more than 0 and at most 3650.");
        }

        if (model.Engagement.Max is < 0)
        {
            errors.Add("engagement.max", "Must not be negative.");
        }

        if (!(model.Grades.A >= model.Grades.B && model.Grades.B >= model.Grades.C))
        {
            errors.Add("grades", "Needs a >= b >= c.");
        }

        if (model.MqlThreshold is < 1 or > 10 * MaxPoints)
        {
            errors.Add("mqlThreshold", "Must be between 1 and 1000.");
        }

        CheckTemperature(errors, model.Temperature);

        return errors.ToDictionary();
    }

    private static void CheckTemperature(FieldErrors errors, TemperatureRules? rules)
    {
        if (rules is null)
        {
            errors.Add("temperature", "An object with warm, warmWithinDays, hot and hotWithinDays.");
            return;
        }

        if (rules.Warm is < 0 or > 10 * MaxPoints || rules.Hot is < 0 or > 10 * MaxPoints || rules.Hot <= rules.Warm)
        {
            errors.Add("temperature", "Needs 0 <= warm < hot <= 1000.");
        }

        if (
            rules.HotWithinDays is < 1 or > 3650
            || rules.WarmWithinDays is < 1 or > 3650
            || rules.HotWithinDays > rules.WarmWithinDays
        )
        {
            errors.Add("temperature", "Needs 1 <= hotWithinDays <= warmWithinDays <= 3650.");
        }
    }

    private static void CheckKeywords(FieldErrors errors, string field, IReadOnlyList<KeywordRule> rules)
    {
        CheckCount(errors, field, rules.Count);
        foreach (var (rule, i) in rules.Select((r, i) => (r, i)))
        {
            if (rule is null)
            {
                errors.Add($"{field}[{i}]", NotARule);
                continue;
            }

            if (rule.Keywords.Count == 0 || rule.Keywords.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 100))
            {
                errors.Add($"{field}[{i}].keywords", "Needs one or more keywords of 1 to 100 characters.");
            }

            CheckPoints(errors, $"{field}[{i}].points", rule.Points);
        }
    }

    private static void CheckCount(FieldErrors errors, string field, int count)
    {
        if (count > MaxRules)
        {
            errors.Add(field, $"At most {MaxRules} rules.");
        }
    }

    private static void CheckPoints(FieldErrors errors, string field, int points)
    {
        if (Math.Abs(points) > MaxPoints)
        {
            errors.Add(field, $"Points must be between -{MaxPoints} and {MaxPoints}.");
        }
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial Regex EventType();
}
