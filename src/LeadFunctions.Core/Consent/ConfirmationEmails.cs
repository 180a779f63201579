using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Consent;

/// <summary>The double opt-in email, in the person's language: one link, the sender's name and address.</summary>
public static class ConfirmationEmails
{
    private static readonly HtmlTemplate Template = new("confirmation-email.liquid", typeof(Parts));

    public static OutgoingEmail For(Lead lead, Uri confirmLink, SenderIdentity sender)
    {
        var language = Languages.For(lead);
        var greeting = lead.FirstName is { } name
            ? Texts.Format(TextId.ConfirmationEmailGreetingByName, language, name)
            : Texts.Get(TextId.ConfirmationEmailGreeting, language);
        var parts = new Parts(
            greeting,
            Texts.Get(TextId.ConfirmationEmailAsk, language),
            confirmLink.AbsoluteUri,
            Texts.Get(TextId.ConfirmationEmailButton, language),
            Texts.Get(TextId.ConfirmationEmailIgnore, language),
            $"{sender.Name} · {sender.PostalAddress}"
        );
        return new OutgoingEmail
        {
            To = lead.Email,
            ToName = lead.FullName(),
            Subject = Texts.Get(TextId.ConfirmationEmailSubject, language),
            Html = Template.Render(parts),
            Text = $"{parts.Greeting}\n\n{parts.Ask}\n{parts.Link}\n\n{parts.Ignore}\n\n{parts.Footer}\n",
            CustomArgs = new Dictionary<string, string>
            {
                [MailCustomArgs.LeadId] = lead.Id,
                [MailCustomArgs.Kind] = "confirmation",
            },
            Categories = ["confirmation"],
        };
    }

    private sealed record Parts(string Greeting, string Ask, string Link, string Button, string Ignore, string Footer);
}
