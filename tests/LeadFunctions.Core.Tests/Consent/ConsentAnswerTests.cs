using LeadFunctions.Core.Consent;

namespace LeadFunctions.Core.Tests.Consent;

public class ConsentAnswerTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("off", false)]
    [InlineData("false", false)]
    [InlineData("on", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    public void Parse_CheckboxAndJsonValues(string? value, bool expected)
    {
        Assert.Equal(expected, ConsentAnswer.Parse(value));
    }
}
