using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Text;

public class TimestampTests
{
    [Theory]
    [InlineData("1764590400000", "2025-12-01T12:00:00+00:00")]
    [InlineData("2025-12-01T15:00:00+03:00", "2025-12-01T12:00:00+00:00")]
    [InlineData("2025-12-01T12:00:00", "2025-12-01T12:00:00+00:00")] // no offset: UTC
    public void Parse_UnixMillisecondsOrIso8601_TheTime(string value, string expected) =>
        Assert.Equal(
            DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Timestamp.Parse(value)
        );

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999999")]
    public void Parse_NotATime_Null(string? value) => Assert.Null(Timestamp.Parse(value));
}
