namespace LeadFunctions.Core.Text;

/// <summary>
/// A small page that says one thing in every language of <see cref="Texts"/> (Turkish first), with at most one
/// button: a form posted to its action.
/// </summary>
public static class MessagePage
{
    private static readonly HtmlTemplate Template = new("message-page.liquid", typeof(Model), typeof(Section));

    public static string Render(TextId title, TextId message, (TextId Button, string Action)? form = null)
    {
        var sections = Texts
            .Languages.Select(language => new Section(
                language,
                Texts.Get(title, language),
                Texts.Get(message, language),
                form is { } f ? Texts.Get(f.Button, language) : string.Empty
            ))
            .ToList();
        var titles = string.Join(" / ", sections.Select(s => s.Title));
        var action = form?.Action ?? string.Empty;
        return Template.Render(new Model(Texts.Languages[0], titles, form is not null, action, sections));
    }

    private sealed record Model(
        string Language,
        string Title,
        bool HasForm,
        string Action,
        IReadOnlyList<Section> Sections
    );

    private sealed record Section(string Language, string Title, string Message, string Button);
}
