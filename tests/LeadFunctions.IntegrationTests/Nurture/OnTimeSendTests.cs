using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Nurture;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>A step due between two timer runs goes at its second, not at the next run.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OnTimeSendTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StepDueSecondsAhead_OneTimerRunQueuesIt_SentAtItsDueSecond_NotBefore()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var delay = TimeSpan.FromSeconds(4);
        var campaign = NurtureHost.ThreeSteps("on-time");
        campaign = campaign with { Steps = [campaign.Steps[0] with { Delay = delay }, .. campaign.Steps.Skip(1)] };
        await nurture.PutAsync(campaign);
        var lead = await nurture.EnrollAsync("zamaninda@acme.com.tr", campaign);
        var due = (await nurture.EnrollmentAsync(lead, campaign.Id))!.NextDueAt!.Value;

        // One run, the only one (the timer is off on this host): the send is not due yet, but due before the next run.
        await nurture.TickAsync();
        var sent = await Eventually.GetAsync(
            () => Task.FromResult(nurture.SendGrid.Accepted is [var first, ..] ? first : null),
            because: "the step queued ahead by the run"
        );
        var lag = nurture.Clock.GetUtcNow() - due;

        Assert.Equal("welcome", sent.CustomArgs[MailCustomArgs.Step]);
        Assert.True(lag >= TimeSpan.Zero, $"sent {-lag.TotalSeconds:0.0} s before its due time");
        // Rounded up to its slot, then a poll of the queue at most, then the send itself.
        var latest =
            TimeSpan.FromSeconds(NurtureScheduler.SecondsPerSlot)
            + NurtureScheduler.MaxPollingInterval
            + TimeSpan.FromSeconds(2);
        Assert.True(lag <= latest, $"sent {lag.TotalSeconds:0.0} s after its due time");
    }
}
