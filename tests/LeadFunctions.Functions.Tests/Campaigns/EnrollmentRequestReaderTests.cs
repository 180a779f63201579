using System.Text.Json;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Campaigns;

namespace LeadFunctions.Functions.Tests.Campaigns;

public class EnrollmentRequestReaderTests
{
    private static readonly string Id = LeadId.FromEmail("ayse@example.com");

    private static (Core.Campaigns.CampaignEnrollmentRequest? Request, Dictionary<string, string[]> Errors) Read(
        string json
    )
    {
        using var document = JsonDocument.Parse(json);
        return EnrollmentRequestReader.Read("fair", document.RootElement);
    }

    [Fact]
    public void Read_LeadIds_RequestWithThem()
    {
        var (request, errors) = Read($$"""{"leadIds":["{{Id}}"]}""");

        Assert.Empty(errors);
        Assert.Equal(("fair", Id), (request!.CampaignId, Assert.Single(request.LeadIds!)));
        Assert.Null(request.Filter);
    }

    [Fact]
    public void Read_Filter_ParsedStageSourceAndScore()
    {
        var (request, _) = Read("""{"filter":{"stage":"MQL","source":"fair","minScore":40}}""");

        Assert.Equal(new LeadFilter(LifecycleStage.Mql, "fair", 40, null), request!.Filter);
        Assert.Null(request.LeadIds);
    }

    [Theory]
    [InlineData("{}", "leadIds")]
    [InlineData("""{"leadIds":[],"filter":{}}""", "leadIds")]
    [InlineData("""{"leadIds":[]}""", "leadIds")]
    [InlineData("""{"leadIds":["ABC"]}""", "leadIds")]
    [InlineData("""{"leadIds":"x"}""", "leadIds")]
    [InlineData("""{"filter":[]}""", "filter")]
    [InlineData("""{"filter":{"stage":"vip"}}""", "filter.stage")]
    [InlineData("""{"filter":{"source":"Trade Show"}}""", "filter.source")]
    [InlineData("""{"filter":{"minScore":"high"}}""", "filter.minScore")]
    public void Read_Invalid_FieldErrorAndNoRequest(string json, string field)
    {
        var (request, errors) = Read(json);

        Assert.Null(request);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Read_MoreThanAThousandIds_Refused()
    {
        var ids = string.Join(',', Enumerable.Repeat($"\"{Id}\"", 1001));

        Assert.Null(Read($$"""{"leadIds":[{{ids}}]}""").Request);
    }
}
