using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Text;

public class SafeTextTests
{
    [Theory]
    [InlineData("Lost to a competitor", false)]
    [InlineData("Şirket <b>", false)]
    [InlineData("line\nbreak", true)]
    [InlineData("tab\there", true)]
    [InlineData("nul\0", true)]
    [InlineData("c1\u0085", true)]
    public void HasControlCharacters_Value_OnlyControlCharactersCount(string value, bool expected) =>
        Assert.Equal(expected, SafeText.HasControlCharacters(value));

    [Theory]
    [InlineData("İstanbul Fuarı 2026", true)]
    [InlineData("Q&A: pricing", true)]
    [InlineData("broken \uFFFD", true)]
    [InlineData("<script>", false)]
    [InlineData("a > b", false)]
    [InlineData("two\nlines", false)]
    public void IsPlain_Value_NoControlCharactersOrAngleBrackets(string value, bool expected) =>
        Assert.Equal(expected, SafeText.IsPlain(value));

    [Theory]
    [InlineData("Ayşe Yılmaz", true)]
    [InlineData("emoji \U0001F600", true)]
    [InlineData("broken \uFFFD", false)]
    [InlineData("lone \uD83D", false)]
    [InlineData("lone \uDE00 low", false)]
    [InlineData("<b>", false)]
    [InlineData("cr\r", false)]
    public void IsPlainAndWhole_Value_AlsoRefusesDamagedText(string value, bool expected) =>
        Assert.Equal(expected, SafeText.IsPlainAndWhole(value));
}
