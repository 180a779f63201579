using LeadFunctions.Core.Email;

namespace LeadFunctions.Core.Tests.Email;

public class LinkScannersTests
{
    private static readonly DateTimeOffset Delivered = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static SendGridEvent Click(int secondsAfterDelivery, string? url = "https://acme.example/demo") =>
        new()
        {
            EventId = "c1",
            Type = "click",
            At = Delivered.AddSeconds(secondsAfterDelivery),
            Email = "a@example.com",
            LeadId = "0123456789abcdef0123456789abcdef",
            Url = url,
        };

    private static EmailClicks Others(params (int Seconds, string Url)[] clicks) =>
        new(null, [.. clicks.Select(c => new EmailClick(Delivered.AddSeconds(c.Seconds), LinkScanners.LinkId(c.Url)))]);

    [Theory]
    [InlineData(-5, true)]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(600, false)]
    public void Ignored_SecondsAfterDelivery_ScannerUpToTen(int seconds, bool ignored) =>
        Assert.Equal(ignored, LinkScanners.Ignored(Click(seconds), new EmailClicks(Delivered, [])));

    [Fact]
    public void Ignored_NoDeliveryKnownNoOtherClick_Person() =>
        Assert.False(LinkScanners.Ignored(Click(5), new EmailClicks(null, [])));

    [Theory]
    [InlineData(298, true)]
    [InlineData(302, true)]
    [InlineData(303, false)]
    [InlineData(297, false)]
    public void Ignored_AnotherLinkClickedClose_ScannerWithinTwoSeconds(int otherSeconds, bool ignored) =>
        Assert.Equal(ignored, LinkScanners.Ignored(Click(300), Others((otherSeconds, "https://acme.example/pricing"))));

    [Fact]
    public void Ignored_SameLinkAgainAtOnce_Person() =>
        Assert.False(
            LinkScanners.Ignored(
                Click(300),
                Others((300, "https://acme.example/demo"), (301, "https://acme.example/demo"))
            )
        );

    [Fact]
    public void Ignored_ClickWithoutAUrl_NotComparedWithOtherLinks() =>
        Assert.False(LinkScanners.Ignored(Click(300, url: null), Others((300, "https://acme.example/pricing"))));

    [Theory]
    [InlineData("https://leads.example/api/unsubscribe?t=abc.def")]
    [InlineData("https://leads.example/prefix/api/unsubscribe/?t=abc")]
    [InlineData("HTTPS://LEADS.EXAMPLE/API/UNSUBSCRIBE?t=abc")]
    public void Ignored_OurUnsubscribeLinkAnyTime_NeverEngagement(string url) =>
        Assert.True(LinkScanners.Ignored(Click(3600, url), new EmailClicks(Delivered, [])));

    [Theory]
    [InlineData("https://acme.example/unsubscribe-from-webinar")]
    [InlineData("https://leads.example/api/unsubscribe-me")]
    [InlineData("https://acme.example/page?next=/api/unsubscribe")]
    public void Ignored_OtherLinksThatOnlyLookAlike_Person(string url) =>
        Assert.False(LinkScanners.Ignored(Click(3600, url), new EmailClicks(Delivered, [])));
}
