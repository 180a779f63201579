namespace LeadFunctions.Core.Workspace;

/// <summary>
/// One step in the campaign editor: an email written in fields (delay as people say it, subject, HTML, text, and its
/// translation into the campaign's other language), or an advanced step (a wait, a condition, A/B variants, a time of
/// day or a jump) written as the API's JSON for one step and checked by the same validator.
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
    public const string Advanced = "advanced";

    public bool IsEmail => Kind == Email;

    /// <summary>A new wait, as a person starts one: wait up to 3 days for a click on the step above.</summary>
    public static StepForm NewAdvanced(string id, string above) =>
        new(
            Advanced,
            id,
            Json: $$"""
            { "id": "{{id}}", "waitFor": { "clicked": "{{above}}" }, "atMost": "P3D",
              "then": "end", "timeout": "end" }
            """
        );
}
