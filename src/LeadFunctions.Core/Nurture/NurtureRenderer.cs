using System.Text.Encodings.Web;
using Fluid;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// Renders a campaign step for one person with Liquid (<see cref="TemplatePlaceholders"/>): the translation in the
/// person's language when the step has one, lead data HTML-escaped in the HTML part and as written in the text,
/// the subject on one line, and the footer İYS and CAN-SPAM require (sender, postal address, unsubscribe link)
/// added to every email whatever the template says.
/// </summary>
public sealed class NurtureRenderer(ConsentLinks links, SenderIdentity sender)
{
    private static readonly TemplateOptions Options = new();

    /// <summary>Throws <see cref="InvalidOperationException"/> for a template that does not parse (a definition stored
    /// before validation).</summary>
    public async Task<RenderedEmail> RenderAsync(Campaign campaign, CampaignStep step, Lead lead, string sendId)
    {
        var wanted = Languages.For(lead);
        var (content, language) =
            wanted != campaign.Language && step.Translations.TryGetValue(wanted, out var translation)
                ? (translation, wanted)
                : (
                    step.Content ?? throw new InvalidOperationException($"Step '{step.Id}' is not an email."),
                    campaign.Language
                );
        var unsubscribe = links.Unsubscribe(lead.Id, sendId).AbsoluteUri;
        var context = new TemplateContext(Model(campaign, lead, unsubscribe), Options);

        var subject = await RenderAsync(content.Subject, context, NullEncoder.Default);
        var html = await RenderAsync(content.Html, context, Html.Encoder);
        var text = await RenderAsync(content.Text, context, NullEncoder.Default);
        var footer = Footer.For(language, sender, unsubscribe);
        return new RenderedEmail(OneLine(subject), html + footer.Html(), text.TrimEnd() + footer.Text(), language);
    }

    private static async Task<string> RenderAsync(string source, TemplateContext context, TextEncoder encoder) =>
        TemplatePlaceholders.Parser.TryParse(source, out var template, out var error)
            ? await template.RenderAsync(context, encoder)
            : throw new InvalidOperationException($"A campaign template does not parse: {error}");

    private static string OneLine(string subject) =>
        string.Join(
            ' ',
            subject.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        );

    /// <summary>Exactly the names <see cref="TemplatePlaceholders.Allowed"/> lists; a missing value renders
    /// empty.</summary>
    private Dictionary<string, object?> Model(Campaign campaign, Lead lead, string unsubscribe) =>
        new(StringComparer.Ordinal)
        {
            ["lead"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["firstName"] = lead.FirstName,
                ["lastName"] = lead.LastName,
                ["email"] = lead.Email,
                ["company"] = lead.Company,
                ["jobTitle"] = lead.JobTitle,
                ["country"] = lead.Country,
                ["industry"] = lead.Industry,
                ["stage"] = lead.Stage.ToString().ToLowerInvariant(),
                ["score"] = lead.Score.Total,
            },
            ["campaign"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = campaign.Name },
            ["sender"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = sender.Name,
                ["postalAddress"] = sender.PostalAddress,
            },
            ["unsubscribeUrl"] = unsubscribe,
        };
}

/// <summary>A campaign step rendered for one person, in the language it was rendered in ("tr" or "en").</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text, string Language);

/// <summary>The lines every nurture email ends with: who sends it, their postal address, and how to stop.</summary>
internal sealed record Footer(string Sender, string Unsubscribe, string Label)
{
    private static readonly HtmlTemplate Template = new("email-footer.liquid", typeof(Footer));

    public static Footer For(string language, SenderIdentity sender, string unsubscribe) =>
        new($"{sender.Name} · {sender.PostalAddress}", unsubscribe, Texts.Get(TextId.EmailFooterUnsubscribe, language));

    public string Html() => Template.Render(this);

    public string Text() => $"\n\n--\n{Sender}\n{Label}: {Unsubscribe}\n";
}
