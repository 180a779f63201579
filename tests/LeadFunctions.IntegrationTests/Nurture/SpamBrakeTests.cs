using System.Net;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>A campaign whose spam reports pass the rate pauses itself, says why, and a person resumes it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpamBrakeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SpamReportPastTheRate_CampaignPausedWithWhyOnTheDashboard_AResumeClearsIt()
    {
        using var signer = new SendGridSigner();
        await using var nurture = await NurtureHost.StartAsync(azurite, signer.Setting);
        var campaign = NurtureHost.ThreeSteps("brake");
        await nurture.PutAsync(campaign);
        await nurture.EnrollAsync("esra@acme.com.tr", campaign);
        var first = await nurture.FirstEmailAsync();

        // The day's other deliveries and one earlier report, as the counters hold them: 1 of 700 is under 0.2 %.
        await nurture
            .Get<ICampaignStats>()
            .AddAsync(
                [
                    new StatDelta("brake", "welcome", CampaignMetric.Delivered, 700),
                    new StatDelta("brake", "welcome", CampaignMetric.SpamReports, 1),
                ],
                CancellationToken.None
            );
        await nurture.StatsAsync("brake", s => s.Totals.GetValueOrDefault(CampaignMetric.Delivered) >= 700);
        await nurture.PostEventAsync(signer, first, "spamreport", "s1");

        // Its report counted (2 of 700 pass 0.2 %) within a second, after the brake looked: SendGrid's next report
        // (here a repeat, which counts nothing more) is the one the brake sees it by, if it did not already.
        await nurture.StatsAsync("brake", s => s.Totals.GetValueOrDefault(CampaignMetric.SpamReports) >= 2);
        await nurture.PostEventAsync(signer, first, "spamreport", "s2");

        var paused = await Eventually.GetAsync(
            async () =>
                await nurture.Get<ICampaignStore>().GetAsync("brake", CancellationToken.None) is { Active: false } c
                    ? c
                    : null,
            because: "the spam brake pausing the campaign"
        );
        Assert.Equal((2L, 700L), (paused.SpamBrake?.SpamReports, paused.SpamBrake?.Deliveries));
        using var dashboard = await nurture.Host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/dashboard"));
        Assert.Contains(
            "paused by the spam brake: 2 spam reports of 700 deliveries in the last day",
            await dashboard.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );

        using var resume = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Post,
            "/api/campaigns/brake/resume",
            """{"missed":"send"}"""
        );
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var resumed = await nurture.Get<ICampaignStore>().GetAsync("brake", CancellationToken.None);
        Assert.Equal((true, null), (resumed!.Active, resumed.SpamBrake));
    }
}
