using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Nurture;

/// <summary>The lines every nurture email ends with: who sends it, their postal address, and how to stop.</summary>
internal sealed record Footer(string Sender, string Unsubscribe, string Label)
{
    private static readonly HtmlTemplate Template = new("email-footer.liquid", typeof(Footer));

    public static Footer For(string language, SenderIdentity sender, string unsubscribe) =>
        new($"{sender.Name} · {sender.PostalAddress}", unsubscribe, Texts.Get(TextId.EmailFooterUnsubscribe, language));

    public string Html() => Template.Render(this);

    public string Text() => $"\n\n--\n{Sender}\n{Label}: {Unsubscribe}\n";
}
