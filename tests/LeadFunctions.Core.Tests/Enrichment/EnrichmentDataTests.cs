using LeadFunctions.Core.Enrichment;

namespace LeadFunctions.Core.Tests.Enrichment;

public class EnrichmentDataTests
{
    [Theory]
    [InlineData("gmail.com", true)]
    [InlineData("hotmail.com.tr", true)]
    [InlineData("yandex.com.tr", true)]
    [InlineData("acme.com.tr", false)]
    public void IsFreeMail_KnownProviders(string domain, bool expected) =>
        Assert.Equal(expected, EmailDomains.IsFreeMail(domain));

    [Theory]
    [InlineData("mailinator.com", true)]
    [InlineData("inbox.mailinator.com", true)]
    [InlineData("10minutemail.com", true)]
    [InlineData("gmail.com", false)]
    [InlineData("acme.com.tr", false)]
    public void IsDisposable_ListAndWildcardSubdomains(string domain, bool expected) =>
        Assert.Equal(expected, EmailDomains.IsDisposable(domain));

    [Theory]
    [InlineData("TR", "TR")]
    [InlineData("tr", "TR")]
    [InlineData("Turkey", "TR")]
    [InlineData("Türkiye", "TR")]
    [InlineData("TÜRKİYE", "TR")]
    [InlineData("Deutschland", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("United States", "US")]
    [InlineData("USA", "US")]
    [InlineData("UK", "GB")]
    public void CountryCodes_FromNamesAndCodes(string input, string expected)
    {
        Assert.True(CountryCodes.TryNormalize(input, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData(null)]
    public void CountryCodes_Unknown_IsFalse(string? input) => Assert.False(CountryCodes.TryNormalize(input, out _));
}
