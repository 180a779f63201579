using LeadFunctions.Core.Security;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Core.Tests.Webinars;

public class TeamsWebinarsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(29, 0)]
    [InlineData(30, 1)]
    [InlineData(2710, 45)]
    [InlineData(-5, 0)]
    [InlineData(long.MaxValue / 2, WebinarAttendance.MaxMinutes)]
    public void Minutes_RoundedToTheNearest_WithinWhatAnAttendanceKeeps(long seconds, int minutes) =>
        Assert.Equal(minutes, TeamsWebinars.Minutes(seconds));

    [Theory]
    [InlineData("secret client state", "secret client state", true)]
    [InlineData("secret client state", "secret client stat", false)]
    [InlineData("secret client state", "Secret client state", false)]
    [InlineData("secret client state", null, false)]
    [InlineData("", "", false)]
    [InlineData(null, "anything", false)]
    public void IsSameSecret_OnlyTheSameNonEmptySecret(string? secret, string? presented, bool same) =>
        Assert.Equal(same, WebhookSignatures.IsSameSecret(secret, presented));
}
