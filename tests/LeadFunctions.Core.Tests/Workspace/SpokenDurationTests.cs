using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public sealed class SpokenDurationTests
{
    [Theory]
    [InlineData("2 days", 2 * 24 * 60)]
    [InlineData("4 hours", 4 * 60)]
    [InlineData("1 week 2 days", 9 * 24 * 60)]
    [InlineData("1 day, 4 hours and 30 minutes", (24 + 4) * 60 + 30)]
    [InlineData("30 minutes", 30)]
    [InlineData("2 gün", 2 * 24 * 60)]
    [InlineData("4 Saat", 4 * 60)]
    [InlineData("1 hafta ve 3 gün", 10 * 24 * 60)]
    [InlineData("45 dakika", 45)]
    [InlineData("2d 4h", (48 + 4) * 60)]
    [InlineData("0", 0)]
    [InlineData("hemen", 0)]
    [InlineData("P2D", 2 * 24 * 60)]
    [InlineData("pt36h", 36 * 60)]
    public void Parse_ReadsWhatPeopleWrite(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SpokenDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("2 fortnights")]
    [InlineData("2")]
    [InlineData("two days")]
    [InlineData("2 days please")]
    [InlineData("P2X")]
    [InlineData("-P1D")]
    public void Parse_RefusesWhatIsNoDuration(string text) => Assert.Null(SpokenDuration.Parse(text));

    [Theory]
    [InlineData(0, "en", "0")]
    [InlineData(2 * 24 * 60, "en", "2 days")]
    [InlineData(24 * 60 + 4 * 60, "en", "1 day 4 hours")]
    [InlineData(9 * 24 * 60, "tr", "9 gün")]
    [InlineData(14 * 24 * 60, "en", "2 weeks")]
    [InlineData(90 * 24 * 60, "en", "90 days")]
    [InlineData(90, "tr", "1 saat 30 dakika")]
    public void Write_SaysItInThePagesLanguage_AndReadsBack(int minutes, string language, string expected)
    {
        var duration = TimeSpan.FromMinutes(minutes);
        Assert.Equal(expected, SpokenDuration.Write(duration, language));
        Assert.Equal(duration, SpokenDuration.Parse(SpokenDuration.Write(duration, language)));
    }

    [Fact]
    public void Write_ADelayWithSeconds_AsTheApiWritesIt() =>
        Assert.Equal("PT1M30S", SpokenDuration.Write(TimeSpan.FromSeconds(90), "en"));
}
