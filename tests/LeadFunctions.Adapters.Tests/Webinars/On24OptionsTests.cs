using System.ComponentModel.DataAnnotations;
using LeadFunctions.Adapters.Webinars;

namespace LeadFunctions.Adapters.Tests.Webinars;

public class On24OptionsTests
{
    private static List<string> Errors(On24Options options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void EventIds_CommaSeparatedNumbers_Listed_AnythingElseRefused()
    {
        var options = new On24Options { EventIds = " 4512345, 4519876 ,," };

        Assert.Equal(["4512345", "4519876"], options.EventIdList);
        Assert.Empty(Errors(options));
        Assert.Equal(
            ["On24:EventIds are ON24 event ids (numbers), separated by commas."],
            Errors(new On24Options { EventIds = "4512345;4519876" })
        );
    }

    [Fact]
    public void ClientIdNotANumber_OrBaseUrlNotHttp_Refused_UnsetIsNoCredentials()
    {
        Assert.Equal(
            ["On24:BaseUrl must be an absolute http(s) URL.", "On24:ClientId is ON24's client id, a number."],
            Errors(new On24Options { ClientId = "acme", BaseUrl = new Uri("ftp://api.on24.com") })
                .Order(StringComparer.Ordinal)
        );
        Assert.False(new On24Options { ClientId = "22950", AccessTokenKey = "k" }.HasCredentials);
        Assert.True(
            new On24Options
            {
                ClientId = "22950",
                AccessTokenKey = "k",
                AccessTokenSecret = "s",
            }.HasCredentials
        );
    }
}
