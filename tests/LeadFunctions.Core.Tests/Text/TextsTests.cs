using System.Globalization;
using System.Text.RegularExpressions;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Text;

public partial class TextsTests
{
    public static TheoryData<string> AllLanguages => [.. Texts.Languages];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void EveryId_HasATextInTheLanguage(string language)
    {
        var texts = Texts.ByName(language);

        var missing = Enum.GetValues<TextId>()
            .Where(id => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(id.ToString())));

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryId_HasTheSamePlaceholdersInEveryLanguage()
    {
        var differing = Enum.GetValues<TextId>()
            .Where(id => Texts.Languages.Select(l => Placeholders(Texts.Get(id, l))).Distinct().Count() > 1);

        Assert.Empty(differing);
    }

    [Fact]
    public void Languages_AreTheLanguagesPeopleGet()
    {
        Assert.Equal(Languages.Supported, Texts.Languages);
        Assert.Equal(Languages.English, Texts.Fallback);
    }

    [Fact]
    public void Get_ByLanguage_ThatLanguagesText_AnyOtherLanguageEnglish()
    {
        Assert.Equal("Abonelikten çık", Texts.Get(TextId.UnsubscribePageTitle, Languages.Turkish));
        Assert.Equal("Unsubscribe", Texts.Get(TextId.UnsubscribePageTitle, Languages.English));
        Assert.Equal("Unsubscribe", Texts.Get(TextId.UnsubscribePageTitle, "de"));
        Assert.Equal("Lead pipeline", Texts.ByName("de")[nameof(TextId.DashboardTitle)]);
    }

    [Fact]
    public void Format_FillsThePlaceholders_InvariantUnderTurkishCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            Assert.Equal("All 1.5 leads.", Texts.Format(TextId.DashboardSampleAll, Languages.English, 1.5));
            Assert.Equal(
                "Merhaba Ayşe,",
                Texts.Format(TextId.ConfirmationEmailGreetingByName, Languages.Turkish, "Ayşe")
            );
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static string Placeholders(string text) =>
        string.Join(',', Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
