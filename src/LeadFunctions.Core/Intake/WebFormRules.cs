namespace LeadFunctions.Core.Intake;

/// <summary>
/// What a web form's post is held to besides its fields: the origins (scheme://host[:port], lowercase) whose pages a
/// plain HTML form's "redirect" may send the browser back to, and the time a person needs at least to fill it in.
/// </summary>
public sealed class WebFormRules(IReadOnlySet<string> origins, TimeSpan minimumFillTime)
{
    /// <summary>A form filled faster than this (per its own formStartedAt) is a bot.</summary>
    public TimeSpan MinimumFillTime => minimumFillTime;

    public bool IsAllowedRedirect(string? target, out Uri? uri)
    {
        uri = null;
        return Uri.TryCreate(target, UriKind.Absolute, out var parsed)
            && parsed.Scheme is "http" or "https"
            && origins.Contains(parsed.GetLeftPart(UriPartial.Authority).ToLowerInvariant())
            && (uri = parsed) is not null;
    }
}
