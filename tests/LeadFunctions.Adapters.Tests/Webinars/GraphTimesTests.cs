using LeadFunctions.Adapters.Webinars;
using Microsoft.Graph.Models;

namespace LeadFunctions.Adapters.Tests.Webinars;

/// <summary>Graph's dateTimeTimeZone: a local time with a Windows or IANA zone name (UTC by default).</summary>
public class GraphTimesTests
{
    [Fact]
    public void Utc_TheSameInstant_NoZoneOfItsOwn()
    {
        var value = new DateTimeTimeZone { DateTime = "2026-11-24T09:00:00.0000000", TimeZone = "UTC" };

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), GraphTimes.ToOffset(value));
        Assert.Null(GraphTimes.IanaZone("UTC"));
    }

    [Theory]
    [InlineData("Turkey Standard Time")]
    [InlineData("Europe/Istanbul")]
    public void IstanbulByEitherName_ThreeHoursAhead_AsIanasZone(string zone)
    {
        var value = new DateTimeTimeZone { DateTime = "2026-11-24T12:00:00.0000000", TimeZone = zone };

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), GraphTimes.ToOffset(value));
        Assert.Equal("Europe/Istanbul", GraphTimes.IanaZone(zone));
    }

    [Theory]
    [InlineData("yarın", "UTC")]
    [InlineData("2026-11-24T12:00:00", "Mars Standard Time")]
    [InlineData(null, "UTC")]
    public void NoInstantWeCanRead_Null(string? dateTime, string zone) =>
        Assert.Null(GraphTimes.ToOffset(new DateTimeTimeZone { DateTime = dateTime, TimeZone = zone }));

    [Theory]
    [InlineData("Registered", "registered")]
    [InlineData("PendingApproval", "pendingApproval")]
    public void EnumNames_AsGraphWritesThem(string name, string graphs) =>
        Assert.Equal(graphs, GraphTimes.CamelCase(name));
}
