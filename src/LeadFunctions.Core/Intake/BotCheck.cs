using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Cheap bot signals on a web form: the hidden "website" field filled in, or the form submitted
/// faster than a person can fill it (its own "formStartedAt", unix milliseconds or ISO 8601; a time in
/// the future says nothing).
/// </summary>
public static class BotCheck
{
    public const string HoneypotField = "website";
    public const string StartedAtField = "formStartedAt";

    public static bool LooksLikeABot(
        IReadOnlyDictionary<string, string?> fields,
        DateTimeOffset now,
        TimeSpan minimumFillTime
    )
    {
        if (!string.IsNullOrEmpty(fields.GetValueOrDefault(HoneypotField)))
        {
            return true;
        }

        var started = fields.GetValueOrDefault(StartedAtField);
        if (string.IsNullOrEmpty(started))
        {
            return false;
        }

        if (Timestamp.Parse(started) is not { } at)
        {
            return false;
        }

        // The time comes from the visitor's clock: one that runs fast, or a local time written without its
        // offset (Istanbul is UTC+3), puts it in the future. That is no sign of a bot, and such people must not be
        // dropped.
        var fillTime = now - at;
        return fillTime >= TimeSpan.Zero && fillTime < minimumFillTime;
    }
}
