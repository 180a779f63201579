using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Consent;

public class ConfirmationEmailsTests
{
    private static readonly Uri Link = new("https://leads.example.com/api/consent/confirm?t=a&b=c");
    private static readonly SenderIdentity Sender = new("Acme <Pazarlama> & 'Co'", "Levent Mah. 1, 34330 İstanbul");

    private static Lead Lead(string country, string? firstName) =>
        new()
        {
            Id = "l1",
            Email = "a@example.com",
            FirstName = firstName,
            Country = country,
            Source = "web",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
            LastSubmittedAt = DateTimeOffset.UnixEpoch,
        };

    [Fact]
    public void For_TurkishLeadNamedWithMarkup_TurkishEmail_ValuesEncodedInHtml_AsWrittenInText()
    {
        var email = ConfirmationEmails.For(Lead("TR", "Ayşe <b>"), Link, Sender);

        Assert.Equal("E-posta aboneliğinizi onaylayın", email.Subject);
        Assert.Equal(
            "<p>Merhaba Ayşe &lt;b&gt;,</p><p>E-posta listemize katılmak için lütfen onaylayın:</p>"
                + "<p><a href=\"https://leads.example.com/api/consent/confirm?t=a&amp;b=c\">Aboneliğimi onayla</a></p>"
                + "<p>Siz istemediyseniz bu e-postayı dikkate almayın; size başka e-posta göndermeyeceğiz.</p>"
                + "<p style=\"color:#666;font-size:12px\">"
                + "Acme &lt;Pazarlama&gt; &amp; &#x27;Co&#x27; · Levent Mah. 1, 34330 İstanbul</p>",
            email.Html
        );
        Assert.Equal(
            "Merhaba Ayşe <b>,\n\nE-posta listemize katılmak için lütfen onaylayın:\n"
                + Link.AbsoluteUri
                + "\n\nSiz istemediyseniz bu e-postayı dikkate almayın; size başka e-posta göndermeyeceğiz.\n\n"
                + "Acme <Pazarlama> & 'Co' · Levent Mah. 1, 34330 İstanbul\n",
            email.Text
        );
    }

    [Fact]
    public void For_EnglishLeadWithoutAName_EnglishEmail_PlainGreeting()
    {
        var email = ConfirmationEmails.For(Lead("GB", null), Link, Sender);

        Assert.Equal("Please confirm your subscription", email.Subject);
        const string Start = "<p>Hello,</p><p>Please confirm that you want to receive our emails:</p>";
        Assert.StartsWith(Start, email.Html, StringComparison.Ordinal);
        Assert.Contains(">Confirm my subscription</a>", email.Html, StringComparison.Ordinal);
        Assert.StartsWith("Hello,\n\n", email.Text, StringComparison.Ordinal);
    }
}
