namespace LeadFunctions.Core.Text;

/// <summary>
/// A small page that says one thing in every language of <see cref="Texts"/> (Turkish first), with at most one
/// button: a form posted to <c>action</c>.
/// </summary>
public static class MessagePage
{
    private static readonly HtmlTemplate Template = new("message-page.liquid", typeof(Model), typeof(Section));

    public static string Render(TextId title, TextId message, TextId? button = null, string? action = null)
    {
        var sections = Texts.Languages.Select(language => new Section(
            language,
            Texts.Get(title, language),
            Texts.Get(message, language),
            button is { } id ? Texts.Get(id, language) : string.Empty)).ToList();
        var titles = string.Join(" / ", sections.Select(s => s.Title));
        var hasForm = button is not null && action is not null;
        return Template.Render(new Model(Texts.Languages[0], titles, hasForm, action ?? string.Empty, sections));
    }

    private sealed record Model(
        string Language,
        string Title,
        bool HasForm,
        string Action,
        IReadOnlyList<Section> Sections);

    private sealed record Section(string Language, string Title, string Message, string Button);
}
