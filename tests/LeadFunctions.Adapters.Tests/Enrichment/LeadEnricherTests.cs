using System.Diagnostics;
using LeadFunctions.Adapters.Enrichment;
using LeadFunctions.Core.Enrichment;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters.Tests.Enrichment;

public class LeadEnricherTests
{
    private sealed class NoMx : IMxChecker
    {
        public Task<bool?> HasMxAsync(string domain, CancellationToken cancellationToken) =>
            Task.FromResult<bool?>(null);
    }

    private static readonly LeadEnricher Enricher = new(new NoMx(), Options.Create(new EnrichmentOptions()));

    [Theory]
    [InlineData("0532 123 45 67", "TR", "+905321234567", "TR")]
    [InlineData("0532 123 45 67", null, "+905321234567", "TR")]
    [InlineData("+49 30 12345678", "Deutschland", "+493012345678", "DE")]
    [InlineData("call me maybe", "TR", null, null)]
    [InlineData("123", "TR", null, null)]
    public async Task EnrichAsync_Phone_E164AndRegion(string phone, string? country, string? e164, string? region)
    {
        var enrichment = await Enricher.EnrichAsync("a@acme.com", phone, country, default);
        Assert.Equal(e164, enrichment.PhoneE164);
        Assert.Equal(region, enrichment.PhoneCountry);
    }

    [Fact]
    public async Task EnrichAsync_FreeMail_HasNoCompanyDomain()
    {
        var free = await Enricher.EnrichAsync("ayse@gmail.com", null, "Türkiye", default);
        var business = await Enricher.EnrichAsync("ayse@acme.com.tr", null, null, default);
        Assert.True(free.FreeMail);
        Assert.Null(free.CompanyDomain);
        Assert.Equal("TR", free.CountryCode);
        Assert.Equal("acme.com.tr", business.CompanyDomain);
        Assert.Null(business.MxFound);
    }

    [Fact]
    public async Task DnsMxChecker_WithoutNetwork_AnswersUnknownWithinTheTimeout()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var checker = new DnsMxChecker(
            cache,
            Options.Create(new EnrichmentOptions { CheckMx = true, MxTimeout = TimeSpan.FromMilliseconds(300) })
        );
        var watch = Stopwatch.StartNew();
        var found = await checker.HasMxAsync("acme-lead-test.invalid", default);
        Assert.NotEqual(true, found);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
