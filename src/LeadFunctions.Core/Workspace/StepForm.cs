namespace LeadFunctions.Core.Workspace;

/// <summary>
/// One step in the campaign editor, as its fields hold it: an email (delay as people say it, subject, HTML, text and
/// its translation into the campaign's other language); a wait (what wakes it, for at most how long, where each way
/// goes); a condition (what must hold of the person, where yes and no go); or an advanced step (A/B variants, a time
/// of day, a jump, a condition on countries or industries) written as the API's JSON for one step. A wait's branches
/// per event ("on") are rows of an event and a step, with an empty row to add one. Every kind is
/// checked by the API's validator.
/// </summary>
public sealed record StepForm(
    string Kind,
    string Id,
    string Delay = "",
    string Subject = "",
    string Html = "",
    string Text = "",
    string TranslationSubject = "",
    string TranslationHtml = "",
    string TranslationText = "",
    string Json = ""
)
{
    public const string Email = "email";
    public const string Wait = "wait";
    public const string Condition = "condition";
    public const string Advanced = "advanced";

    public static readonly IReadOnlyList<string> Kinds = [Email, Wait, Condition, Advanced];

    /// <summary>A wait's events, or the stages a wait or a condition looks for.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public IReadOnlyList<string> Stages { get; init; } = [];

    public string MinScore { get; init; } = string.Empty;

    /// <summary>The id of an email of the campaign opened (or clicked) by the person.</summary>
    public string Opened { get; init; } = string.Empty;

    public string Clicked { get; init; } = string.Empty;

    /// <summary>A condition's temperatures and languages.</summary>
    public IReadOnlyList<string> Temperatures { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>How long a wait waits, as people say it.</summary>
    public string AtMost { get; init; } = string.Empty;

    /// <summary>Where the person goes: a step id, "end", or empty for the step below.</summary>
    public string Then { get; init; } = string.Empty;

    public string Else { get; init; } = string.Empty;

    public string Timeout { get; init; } = string.Empty;

    /// <summary>A wait's own branches: "when this event wakes it, go to that step" (the API's "on").</summary>
    public IReadOnlyList<WaitBranch> On { get; init; } = [];

    public bool IsEmail => Kind == Email;

    /// <summary>A new wait, as a person starts one: up to 3 days for a click on the email above.</summary>
    public static StepForm NewWait(string id, string above) => new(Wait, id) { Clicked = above, AtMost = "3 days" };

    /// <summary>A new condition: whether the person opened the email above.</summary>
    public static StepForm NewCondition(string id, string above) => new(Condition, id) { Opened = above };

    /// <summary>A new A/B email, written as JSON: two variants sent half each.</summary>
    public static StepForm NewVariants(string id) =>
        new(
            Advanced,
            id,
            Json: $$"""
            { "id": "{{id}}", "delay": "P2D", "variants": [
              { "id": "a", "subject": "…", "html": "<p>…</p>", "text": "…" },
              { "id": "b", "subject": "…", "html": "<p>…</p>", "text": "…" } ] }
            """
        );
}

/// <summary>One row of a wait's "on": the event that wakes it, and the step it then goes to.</summary>
public sealed record WaitBranch(string Event, string Target);
