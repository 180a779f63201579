using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Core.Tests.Nurture;

public class NurtureRendererTests
{
    private const string SendId = "send-1";

    private static readonly Campaign Bilingual = NurtureWorld.Campaign("fair", ("welcome", TimeSpan.Zero)) with
    {
        Language = Languages.Turkish,
    };

    private static Campaign WithTranslation() =>
        Bilingual with
        {
            Steps =
            [
                Bilingual.Steps[0] with
                {
                    Translations = new Dictionary<string, StepContent>
                    {
                        ["en"] = new(
                            "Welcome {{ lead.firstName }}",
                            "<p>Hello {{ lead.firstName }}</p>",
                            "Hello {{ lead.firstName }}"
                        ),
                    },
                },
            ],
        };

    [Fact]
    public async Task Render_ScriptInFirstName_IsEscapedInHtml_AndPlainInText()
    {
        var lead = NurtureWorld.Lead("x@acme.com", firstName: "<script>alert(1)</script>");
        var email = await new NurtureWorld().Renderer.RenderAsync(Bilingual, Bilingual.Steps[0], lead, SendId);

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("Merhaba <script>alert(1)</script>, welcome", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_TurkishLead_GetsTheStep_EnglishLead_GetsTheTranslation_EachWithItsFooter()
    {
        var world = new NurtureWorld();
        var campaign = WithTranslation();
        var turkish = await world.Renderer.RenderAsync(
            campaign,
            campaign.Steps[0],
            NurtureWorld.Lead("ayse@acme.com.tr", "TR"),
            SendId
        );
        var english = await world.Renderer.RenderAsync(
            campaign,
            campaign.Steps[0],
            NurtureWorld.Lead("ada@acme.co.uk", "GB", firstName: "Ada"),
            SendId
        );

        Assert.Equal(("tr", "welcome için Ayşe"), (turkish.Language, turkish.Subject));
        Assert.Equal(("en", "Welcome Ada"), (english.Language, english.Subject));
        Assert.Contains("aboneliğinizi buradan sonlandırabilirsiniz", turkish.Text, StringComparison.Ordinal);
        Assert.Contains("unsubscribe here", english.Text, StringComparison.Ordinal);
        Assert.Contains("Merhaba Ayşe", turkish.Html, StringComparison.Ordinal); // Turkish letters are not turned into entities
    }

    [Fact]
    public async Task Render_TemplateWithoutFooter_StillNamesSenderAddressAndTheSendsUnsubscribeLink()
    {
        var lead = NurtureWorld.Lead("ayse@acme.com.tr");
        var email = await new NurtureWorld().Renderer.RenderAsync(Bilingual, Bilingual.Steps[0], lead, SendId);
        var link = NurtureWorld.Links.Unsubscribe(lead.Id, SendId).AbsoluteUri;

        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Contains("Acme Pazarlama", part, StringComparison.Ordinal);
            Assert.Contains("Levent Mah. 1, 34330 İstanbul", part, StringComparison.Ordinal);
        }

        Assert.Contains(link, email.Text, StringComparison.Ordinal);
        Assert.Contains(
            System.Net.WebUtility.HtmlEncode(link).Replace("&#39;", "'", StringComparison.Ordinal),
            email.Html,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Render_SubjectWithLineBreaks_IsOneLine()
    {
        var campaign = Bilingual with
        {
            Steps =
            [
                Bilingual.Steps[0] with
                {
                    Content = new StepContent("Hello\r\n{{ lead.firstName }}\n", "<p>x</p>", "x"),
                },
            ],
        };
        var email = await new NurtureWorld().Renderer.RenderAsync(
            campaign,
            campaign.Steps[0],
            NurtureWorld.Lead("ayse@acme.com.tr", firstName: "A\nB"),
            SendId
        );

        Assert.Equal("Hello A B", email.Subject);
    }
}
