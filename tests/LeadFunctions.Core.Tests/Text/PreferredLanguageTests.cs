using System.Globalization;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Text;

public class PreferredLanguageTests
{
    [Theory]
    [InlineData("tr-TR,tr;q=0.9,en;q=0.8", "tr")]
    [InlineData("en-US,en;q=0.9,tr;q=0.8", "en")]
    [InlineData("de-DE,tr;q=0.5", "tr")]
    [InlineData("en;q=0.4,tr;q=0.6", "tr")]
    [InlineData("tr;q=0,en;q=0.1", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    public void Of_AcceptLanguage_TurkishWhenPreferredOverEnglish(string header, string expected)
    {
        var accepted = header
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var pieces = part.Split(";q=");
                return (pieces[0], pieces.Length > 1 ? double.Parse(pieces[1], CultureInfo.InvariantCulture) : 1.0);
            });

        Assert.Equal(expected, PreferredLanguage.Of(accepted));
    }
}
