using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public class LeadFileReaderTests
{
    private readonly InMemoryLeadStore store = new();
    private readonly InMemoryCampaignCatalog campaigns = new();

    private async Task<Lead> StoreAsync(int entries)
    {
        var lead = LeadDetailPageTests.Lead();
        var timeline = Enumerable
            .Range(0, entries)
            .Select(i => new TimelineEntry($"e{i}", lead.CreatedAt.AddMinutes(i), TimelineKind.Event, $"{i}"))
            .ToList();
        var enrollment = new Enrollment
        {
            CampaignId = "fair",
            EnrolledAt = lead.CreatedAt,
            Reason = "manual",
        };
        Assert.Equal(
            SaveResult.Saved,
            await store.SaveAsync(LeadChange.Updated(lead, null, timeline) with { Enrollments = [enrollment] }, default)
        );
        return lead;
    }

    [Fact]
    public async Task ReadAsync_TheLead_ItsEnrollmentsWithTheirCampaign_TheActiveCampaigns()
    {
        campaigns.Campaigns.Add(
            new Campaign
            {
                Id = "fair",
                Name = "Fuar",
                Steps = [],
                Active = true,
            }
        );
        campaigns.Campaigns.Add(
            new Campaign
            {
                Id = "old",
                Name = "Eski",
                Steps = [],
                Archived = true,
            }
        );
        var lead = await StoreAsync(3);

        var file = await new LeadFileReader(store, campaigns).ReadAsync(lead.Id, 0, default);

        Assert.Equal(lead.Email, file?.Lead.Email);
        Assert.Equal("Fuar", Assert.Single(file!.Enrollments).Campaign?.Name);
        Assert.Equal(["fair"], file.ActiveCampaigns.Select(c => c.Id));
        Assert.Equal(LeadFileReader.PageOfEntries, file.Shown);
        Assert.False(file.HasMore);
    }

    [Theory]
    [InlineData(0, LeadFileReader.PageOfEntries)]
    [InlineData(60, 60)]
    [InlineData(100000, LeadFileReader.MaxEntries)]
    public async Task ReadAsync_TheEntriesAskedFor_WithinTheBound(int asked, int shown)
    {
        var lead = await StoreAsync(LeadFileReader.MaxEntries + 20);

        var file = await new LeadFileReader(store, campaigns).ReadAsync(lead.Id, asked, default);

        Assert.Equal(LeadFileReader.MaxEntries, file?.Timeline.Count);
        Assert.Equal(shown, file?.ShownEntries.Count);
        Assert.Equal(shown < LeadFileReader.MaxEntries, file?.HasMore);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task ReadAsync_NoSuchLead_Null(string id)
    {
        Assert.Null(await new LeadFileReader(store, campaigns).ReadAsync(id, 0, default));
    }
}
