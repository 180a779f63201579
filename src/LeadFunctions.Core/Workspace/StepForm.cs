using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// One step in the campaign editor, as its fields hold it: an email (delay as people say it, a time of day and days,
/// where the person goes after it, and its subject, HTML, text and their translation into the campaign's other
/// language, or two or more variants of them for an A/B test); a wait (what wakes it, for at most how long, where
/// each way goes); a condition (what must hold of the person, where yes and no go); or an advanced step (a date of the
/// enrollment, a condition on countries or industries, more languages) written as the API's JSON for one step. A
/// wait's branches per event ("on") are rows of an event and a step, with an empty row to add one. Every kind is
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

    /// <summary>An email's time of day ("10:00" in the person's zone; empty: once its delay has passed) and the days it
    /// may go on (empty: any).</summary>
    public string AtTime { get; init; } = string.Empty;

    public IReadOnlyList<string> AtDays { get; init; } = [];

    /// <summary>An A/B email's variants, in place of its own subject, HTML, text and translation; empty for an email
    /// written once.</summary>
    public IReadOnlyList<VariantForm> Variants { get; init; } = [];

    /// <summary>Where the person goes (after a wait, a condition's yes, or an email): a step id, "end", or empty for
    /// the step below.</summary>
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

    /// <summary>A new step written as JSON, begun as what only JSON says: an email a day before the webinar the
    /// person registered for, at 10:00.</summary>
    public static StepForm NewAdvanced(string id) =>
        new(
            Advanced,
            id,
            Json: $$"""
            { "id": "{{id}}", "at": { "relativeTo": "webinar.startsAt", "offset": "-P1D", "time": "10:00" },
              "subject": "…", "html": "<p>…</p>", "text": "…" }
            """
        );

    /// <summary>
    /// The email as an A/B test: its own content becomes variant "a" and a copy of it "b", to be changed; a third
    /// variant and more start as copies of the first. Nothing when it is no email or has the most variants already.
    /// </summary>
    public StepForm WithVariantAdded()
    {
        if (!IsEmail || Variants.Count >= CampaignStepValidator.MaxVariants)
        {
            return this;
        }

        var first = Variants.Count > 0 ? Variants[0] : ContentAs("a");
        var variants = Variants.Count > 0 ? Variants : [first];
        var id = Enumerable
            .Range(0, 26)
            .Select(n => ((char)('a' + n)).ToString())
            .First(letter => variants.All(v => v.Id != letter));
        return WithContentOf(NoContent) with
        {
            Variants = [.. variants, first with { Id = id, Weight = "1", Active = true }],
        };
    }

    /// <summary>The email without its variant <paramref name="k"/>; with one variant left it is an email written
    /// once again, with that variant's content.</summary>
    public StepForm WithoutVariant(int k)
    {
        if (k < 0 || k >= Variants.Count)
        {
            return this;
        }

        var left = Variants.Where((_, i) => i != k).ToList();
        return left is [var only] ? WithContentOf(only) with { Variants = [] } : this with { Variants = left };
    }

    /// <summary>The email with <paramref name="content"/>'s subject, HTML, text and translation as its own.</summary>
    public StepForm WithContentOf(VariantForm content) =>
        this with
        {
            Subject = content.Subject,
            Html = content.Html,
            Text = content.Text,
            TranslationSubject = content.TranslationSubject,
            TranslationHtml = content.TranslationHtml,
            TranslationText = content.TranslationText,
        };

    /// <summary>The email's own content, as a variant called <paramref name="id"/>.</summary>
    private VariantForm ContentAs(string id) =>
        new(id, Subject, Html, Text, TranslationSubject, TranslationHtml, TranslationText);

    private static readonly VariantForm NoContent = new("", "", "", "", "", "", "");
}

/// <summary>One variant of an A/B email, as its fields hold it: its id, its share of people (a weight), whether it is
/// sent, and its content with the translation.</summary>
public sealed record VariantForm(
    string Id,
    string Subject,
    string Html,
    string Text,
    string TranslationSubject,
    string TranslationHtml,
    string TranslationText
)
{
    public string Weight { get; init; } = "1";

    public bool Active { get; init; } = true;
}

/// <summary>One row of a wait's "on": the event that wakes it, and the step it then goes to.</summary>
public sealed record WaitBranch(string Event, string Target);
