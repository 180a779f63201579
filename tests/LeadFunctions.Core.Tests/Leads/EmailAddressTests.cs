using System.Globalization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Leads;

public class EmailAddressTests
{
    [Theory]
    [InlineData("  Ayse.Yilmaz@Example.COM ", "ayse.yilmaz@example.com")]
    [InlineData("ISIK@firma.com.tr", "isik@firma.com.tr")]
    [InlineData("info@şirket.com.tr", "info@xn--irket-idb.com.tr")]
    [InlineData("info@XN--IRKET-IDB.com.tr", "info@xn--irket-idb.com.tr")]
    [InlineData("a@b.co.", "a@b.co")]
    public void TryNormalize_ValidAddress_GivesCanonicalForm(string raw, string expected)
    {
        Assert.True(EmailAddress.TryNormalize(raw, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("@example.com")]
    [InlineData("a@")]
    [InlineData("a@localhost")]
    [InlineData("a b@example.com")]
    [InlineData("Ayşe <a@example.com>")]
    [InlineData("a@exa mple.com")]
    [InlineData("a\u0000@example.com")]
    [InlineData("a@-bad-.com")]
    public void TryNormalize_InvalidAddress_IsRefused(string? raw)
    {
        Assert.False(EmailAddress.TryNormalize(raw, out _));
    }

    [Fact]
    public void TryNormalize_UnderTurkishCulture_DoesNotTurnIIntoDotlessI()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            Assert.True(EmailAddress.TryNormalize("ILKAY.ISIK@EXAMPLE.COM", out var normalized));
            Assert.Equal("ilkay.isik@example.com", normalized);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TryNormalize_DotlessAndDottedI_StayDifferentPeople()
    {
        Assert.True(EmailAddress.TryNormalize("ılkay@example.com", out var dotless));
        Assert.True(EmailAddress.TryNormalize("ilkay@example.com", out var dotted));
        Assert.NotEqual(dotless, dotted);
        Assert.NotEqual(LeadId.FromEmail(dotless), LeadId.FromEmail(dotted));
    }
}
