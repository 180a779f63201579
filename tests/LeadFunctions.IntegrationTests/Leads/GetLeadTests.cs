using System.Net;
using Azure.Data.Tables;
using LeadFunctions.Adapters;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Leads;

[Collection(AzuriteCollection.Name)]
public sealed class GetLeadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static LeadSubmission Submission(string id) =>
        new()
        {
            SubmissionId = id,
            ReceivedAt = DateTimeOffset.UtcNow,
            Email = "mehmet@example.com",
            FirstName = "Mehmet",
            Source = "web",
        };

    [Fact]
    public async Task ProcessLeadIntake_SameMessageTwice_OneLeadOneTimelineEntry()
    {
        var queue = host.Queue(QueueNames.LeadIntake);
        var message = BinaryData.FromObjectAsJson(Submission("same-submission"), JsonDefaults.Options);
        await queue.SendMessageAsync(message);
        await queue.SendMessageAsync(message);

        var leadId = LeadId.FromEmail("mehmet@example.com");
        await Eventually.TrueAsync(async () =>
            (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
            && await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{leadId}") is not null
        );
        await Task.Delay(500);

        var rows = await host.Table(TableNames.Leads)
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {leadId}"))
            .ToListAsync();
        Assert.Single(rows, r => r.RowKey == $"lead|{leadId}");
        Assert.Single(rows, r => r.GetString("Kind") == "Submission");
    }

    [Fact]
    public async Task GetLead_WithoutKey_401AndNoLeadData()
    {
        using var response = await host.Client.GetAsync($"/api/leads/{LeadId.FromEmail("x@example.com")}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task GetLead_WrongKey_401(string key)
    {
        using var response = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/leads/{LeadId.FromEmail("x@example.com")}", key)
        );
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetLead_KeyInHeaderOrCodeOrMasterKey_IsAccepted()
    {
        var uri = $"/api/leads/{LeadId.FromEmail("nobody@example.com")}";
        using var header = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, uri));
        using var code = await host.Client.GetAsync($"{uri}?code={TestHost.FunctionKey}");
        using var master = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, uri, TestHost.MasterKey));

        // Past the key check: the lead does not exist.
        Assert.Equal(HttpStatusCode.NotFound, header.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, code.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, master.StatusCode);
    }

    [Theory]
    [InlineData("not-a-lead-id")]
    [InlineData("' or PartitionKey ne '")]
    public async Task GetLead_MalformedId_404Problem(string id)
    {
        using var response = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/leads/{Uri.EscapeDataString(id)}")
        );
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
