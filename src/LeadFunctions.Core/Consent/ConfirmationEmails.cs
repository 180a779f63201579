using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Consent;

/// <summary>The double opt-in email, in the person's language: one link, the sender's name and address.</summary>
public static class ConfirmationEmails
{
    public static OutgoingEmail For(Lead lead, Uri confirmLink, SenderIdentity sender)
    {
        var turkish = Languages.For(lead) == Languages.Turkish;
        var (subject, ask, button, ignore) = turkish
            ? ("E-posta aboneliğinizi onaylayın", "E-posta listemize katılmak için lütfen onaylayın:", "Aboneliğimi onayla", "Siz istemediyseniz bu e-postayı dikkate almayın; size başka e-posta göndermeyeceğiz.")
            : ("Please confirm your subscription", "Please confirm that you want to receive our emails:", "Confirm my subscription", "If this was not you, ignore this email; we will not email you again.");
        var greeting = lead.FirstName is { } name ? (turkish ? $"Merhaba {name}," : $"Hello {name},") : (turkish ? "Merhaba," : "Hello,");
        var footer = $"{sender.Name} · {sender.PostalAddress}";
        static string H(string text) => Html.Encode(text);
        return new OutgoingEmail
        {
            To = lead.Email,
            ToName = lead.FullName(),
            Subject = subject,
            Html = $"<p>{H(greeting)}</p><p>{H(ask)}</p><p><a href=\"{H(confirmLink.AbsoluteUri)}\">{H(button)}</a></p><p>{H(ignore)}</p><p style=\"color:#666;font-size:12px\">{H(footer)}</p>",
            Text = $"{greeting}\n\n{ask}\n{confirmLink.AbsoluteUri}\n\n{ignore}\n\n{footer}\n",
            CustomArgs = new Dictionary<string, string> { [MailCustomArgs.LeadId] = lead.Id, [MailCustomArgs.Kind] = "confirmation" },
            Categories = ["confirmation"],
        };
    }
}
