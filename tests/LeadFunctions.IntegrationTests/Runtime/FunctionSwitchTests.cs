using System.Net;
using System.Net.Http.Json;
using LeadFunctions.Core.Queues;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class FunctionSwitchTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DisabledQueueFunction_LeavesMessagesInTheQueue()
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: "--AzureWebJobs.ProcessLeadIntake.Disabled=true"
        );
        using var response = await host.Client.PostAsJsonAsync("/api/leads", new { email = "waiting@acme.com" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Task.Delay(1500);
        Assert.Equal(1, (await host.Queue(QueueNames.LeadIntake).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task DisabledHttpFunction_Answers404()
    {
        await using var host = await TestHost.StartAsync(azurite, settings: "--AzureWebJobs.SubmitLead.Disabled=true");
        using var response = await host.Client.PostAsJsonAsync("/api/leads", new { email = "nobody@acme.com" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, (await host.Queue(QueueNames.LeadIntake).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
