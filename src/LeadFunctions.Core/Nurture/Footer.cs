using System.Text.Encodings.Web;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>The lines every nurture email ends with: who sends it, their postal address, and how to stop.</summary>
internal sealed record Footer(string Sender, string Unsubscribe, string Label)
{
    public static Footer For(string language, SenderIdentity sender, string unsubscribe) => new(
        $"{sender.Name} · {sender.PostalAddress}",
        unsubscribe,
        language == Languages.Turkish ? "Bu e-postaları almak istemiyorsanız aboneliğinizi buradan sonlandırabilirsiniz" : "To stop receiving these emails, unsubscribe here");

    public string Html(HtmlEncoder encoder) =>
        $"<hr><p style=\"color:#666;font-size:12px\">{encoder.Encode(Sender)}<br><a href=\"{encoder.Encode(Unsubscribe)}\">{encoder.Encode(Label)}</a></p>";

    public string Text() => $"\n\n--\n{Sender}\n{Label}: {Unsubscribe}\n";
}
