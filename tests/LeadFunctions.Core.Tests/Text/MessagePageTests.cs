using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Text;

public class MessagePageTests
{
    [Fact]
    public void Render_WithAButton_TurkishThenEnglish_EachWithTheFormToTheActionEncoded()
    {
        const string Target = "/api/unsubscribe?t=a\"b&c=<d>";
        var html = MessagePage.Render(
            TextId.UnsubscribePageTitle,
            TextId.UnsubscribePageAsk,
            (TextId.UnsubscribePageButton, Target)
        );

        Assert.StartsWith("<!doctype html><html lang=\"tr\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Abonelikten çık / Unsubscribe</title>", html, StringComparison.Ordinal);
        var turkish = html.IndexOf("<section lang=\"tr\"><h1>Abonelikten çık</h1>", StringComparison.Ordinal);
        var rule = html.IndexOf("</section><hr>", StringComparison.Ordinal);
        var english = html.IndexOf("<section lang=\"en\"><h1>Unsubscribe</h1>", StringComparison.Ordinal);
        Assert.True(turkish >= 0 && turkish < rule && rule < english, html);
        const string Form = "<form method=\"post\" action=\"/api/unsubscribe?t=a&quot;b&amp;c=&lt;d&gt;\">";
        foreach (var button in new[] { "Abonelikten çık", "Unsubscribe" })
        {
            Assert.Contains($"{Form}<button type=\"submit\">{button}</button></form>", html, StringComparison.Ordinal);
        }

        Assert.Equal(2, html.Split("<hr>").Length);
    }

    [Fact]
    public void Render_WithoutAButton_NoForm()
    {
        var html = MessagePage.Render(TextId.LinkExpiredTitle, TextId.LinkExpired);

        const string Expired = "<p>This confirmation link has expired. To subscribe, fill in the form again.</p>";
        Assert.Contains(Expired, html, StringComparison.Ordinal);
        Assert.Contains("<h1>Bağlantının süresi doldu</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }
}
