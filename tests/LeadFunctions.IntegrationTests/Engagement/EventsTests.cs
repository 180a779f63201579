using System.Net;
using System.Net.Http.Json;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Engagement;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Engagement;

[Collection(AzuriteCollection.Name)]
public sealed class EventsTests(AzuriteFixture azurite)
{
    private static async Task<HttpResponseMessage> PostEventAsync(
        TestHost host,
        object body,
        string key = TestHost.FunctionKey
    )
    {
        var request = TestHost.WithKey(HttpMethod.Post, "/api/events", key);
        request.Content = JsonContent.Create(body);
        return await host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Event_ForSomeoneNotYetALead_IsKeptAndCountsWhenTheyBecomeOne()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var early = await PostEventAsync(
            host,
            new
            {
                email = "later@acme.com",
                type = "demo_request",
                url = "https://www.example.com/demo",
            }
        );
        var accepted = (await early.Content.ReadFromJsonAsync<EventAccepted>())!;
        Assert.Equal(HttpStatusCode.Accepted, early.StatusCode);
        Assert.Equal(LeadId.FromEmail("later@acme.com"), accepted.LeadId);
        var events = host.Queue(Core.Queues.QueueNames.LeadEvents);
        await Eventually.TrueAsync(async () => (await events.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);
        await Task.Delay(300);

        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new { email = "later@acme.com", firstName = "Sibel" }
        );
        var lead = await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{accepted.LeadId}"));
        Assert.Equal(40, lead.Score.Engagement);
    }

    [Fact]
    public async Task Event_ForAKnownLead_RescoresIt()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var form = await host.Client.PostAsJsonAsync("/api/leads", new { email = "known@acme.com" });
        var id = (await form.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id;
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));

        using var response = await PostEventAsync(
            host,
            new
            {
                leadId = id,
                type = "pricing_page_view",
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(async () =>
            (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))?.Score.Engagement == 15
        );
    }

    [Theory]
    [InlineData("{\"email\":\"a@acme.com\",\"type\":\"spin_the_wheel\"}")]
    [InlineData("{\"type\":\"page_view\"}")]
    [InlineData("{\"leadId\":\"' or 1 eq 1 or '\",\"type\":\"page_view\"}")]
    [InlineData("{\"email\":\"a@acme.com\",\"type\":\"page_view\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}")]
    [InlineData("{\"email\":\"a@acme.com\",\"type\":\"page_view\",\"url\":\"javascript:alert(1)\"}")]
    public async Task Event_Invalid_400AndNothingQueued(string json)
    {
        await using var host = await TestHost.StartAsync(azurite);
        var request = TestHost.WithKey(HttpMethod.Post, "/api/events");
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var events = host.Queue(Core.Queues.QueueNames.LeadEvents);
        Assert.Equal(0, (await events.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Event_WithoutKey_401()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var response = await host.Client.PostAsJsonAsync(
            "/api/events",
            new { email = "a@acme.com", type = "page_view" }
        );
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
