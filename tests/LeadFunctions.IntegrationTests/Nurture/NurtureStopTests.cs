using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>A deploy or scale-in stops a host while it sends: nothing it had claimed is left uncertain for want of a request.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NurtureStopTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HostStoppedMidMessage_InFlightEmailsFinish_NoStepUncertain_EachPersonMailedOnce()
    {
        const int Leads = 24; // two messages of 12, sent one after another in each
        var first = await NurtureHost.StartAsync(azurite);
        var campaign = NurtureHost.ThreeSteps("stop");
        await first.PutAsync(campaign);
        var leads = await Task.WhenAll(Enumerable.Range(0, Leads).Select(i => first.EnrollAsync($"p{i}@acme.com.tr", campaign)));
        first.SendGrid.AnswerDelay = TimeSpan.FromMilliseconds(400);
        first.Clock.Offset += TimeSpan.FromMinutes(1);
        await first.TickAsync();
        await Eventually.TrueAsync(() => Task.FromResult(first.SendGrid.Arrived.Count >= 3), because: "both messages sending");

        await using var second = await first.RestartAsync();
        second.SendGrid.AnswerDelay = TimeSpan.Zero;
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(leads.Select(l => second.EnrollmentAsync(l, "stop")))).All(e => e!.NextStepId == "case-study"),
            timeout: TimeSpan.FromSeconds(60), because: "every first step dealt with");

        var welcome = await Task.WhenAll(leads.Select(async l => (await second.EnrollmentAsync(l, "stop"))!.Step("welcome")!));
        var left = second.SendGrid.Arrived.Select(a => a.CustomArgs[MailCustomArgs.SendId]).ToHashSet();
        Assert.All(welcome.Where(w => w.State == StepState.Uncertain), w => Assert.Contains(w.SendId, left)); // none uncertain whose request never left
        Assert.All(welcome, w => Assert.Equal(StepState.Sent, w.State)); // the requests in flight were answered and recorded
        Assert.Equal(Leads, second.SendGrid.Arrived.Count);
        Assert.Equal(Leads, second.SendGrid.Accepted.Select(a => a.To).Distinct().Count());
    }
}
