using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// Preview and test send: a step of the campaign shown as a person would get it (a lead found by the beginning of
/// their email, or a sample person; in their language or one chosen): subject, the HTML in a sandboxed frame (no
/// script; the page's policy lets nothing load from elsewhere) and the text, footer and unsubscribe link included;
/// then "Send me a test" to an address the marketer types.
/// </summary>
public static class CampaignPreviewPage
{
    private static readonly HtmlTemplate Template = new(
        "workspace-preview.liquid",
        typeof(Model),
        typeof(Option),
        typeof(Rendering)
    );

    /// <summary>What the person chose on the page; every part may be missing.</summary>
    public sealed record Choices(
        string? Step,
        string? Lead,
        string? Search,
        string? Language,
        string? Sent,
        string? Failed
    );

    public static string Render(
        WorkspaceShell shell,
        Campaign campaign,
        Choices chosen,
        IReadOnlyList<Lead> found,
        CampaignPreviewed? previewed
    )
    {
        var t = new LeadLabels(shell.Language);
        var path = WorkspacePaths.Campaign(campaign.Id);
        var steps = campaign
            .Steps.Where(s => s.IsEmail)
            .Select(s => new Option(s.Id, s.Id, s.Id == chosen.Step))
            .ToList();
        var people = found
            .Select(l => new Option(l.Id, $"{l.FullName() ?? l.Email} <{l.Email}>", l.Id == chosen.Lead))
            .Prepend(
                new Option(
                    string.Empty,
                    t.Format(TextId.PreviewSample, CampaignPreview.SampleEmail),
                    chosen.Lead is null
                )
            )
            .ToList();
        if (chosen.Lead is { } picked && found.All(l => l.Id != picked) && previewed?.For is { } shownFor)
        {
            people.Add(new Option(picked, $"{shownFor.FullName() ?? shownFor.Email} <{shownFor.Email}>", true));
        }

        var languages = new[] { new Option(string.Empty, t[TextId.PreviewOwnLanguage], chosen.Language is null) }
            .Concat(Texts.Languages.Select(l => new Option(l, Texts.Get(TextId.LanguageName, l), l == chosen.Language)))
            .ToList();
        var rendering = previewed?.Email is { } email
            ? new Rendering(
                email.Subject,
                email.Html,
                email.Text,
                Texts.Get(TextId.LanguageName, email.Language),
                previewed.For?.Email ?? string.Empty
            )
            : null;
        var body = Template.Render(
            new Model(
                shell.T,
                WorkspaceShell.TokenField,
                shell.Token,
                path,
                steps,
                chosen.Search ?? string.Empty,
                people,
                languages,
                rendering is not null,
                rendering ?? new Rendering(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty),
                chosen.Step ?? string.Empty,
                chosen.Lead ?? string.Empty,
                chosen.Language ?? string.Empty,
                chosen.Sent is { } sent ? t.Format(TextId.PreviewSent, sent) : string.Empty,
                chosen.Failed ?? string.Empty
            )
        );
        return WorkspaceLayout.Render(shell, t.Format(TextId.PreviewTitle, campaign.Name), body);
    }

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string TokenField,
        string Token,
        string Path,
        IReadOnlyList<Option> Steps,
        string Search,
        IReadOnlyList<Option> People,
        IReadOnlyList<Option> Languages,
        bool Shown,
        Rendering Email,
        string Step,
        string Lead,
        string Language,
        string Sent,
        string Failed
    );

    private sealed record Option(string Value, string Label, bool Selected);

    private sealed record Rendering(string Subject, string Html, string Text, string Language, string For);
}
