using System.Net;
using System.Net.Http.Json;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Runtime;

/// <summary>An Azurite of its own, stopped and started again under a running host.</summary>
public sealed class StorageOutageTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly AzuriteProcess azurite = new();

    public Task InitializeAsync() => azurite.StartAsync();

    public Task DisposeAsync() => azurite.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task Outage_IntakeAnswers503WithRetryAfter_ThenTheHostCarriesOn()
    {
        await using var host = await TestHost.StartAsync(new ConnectionOnly(azurite.ConnectionString));
        await azurite.StopAsync();

        using var during = await host.Client.PostAsJsonAsync("/api/leads", new { email = "during@acme.com" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        using var health = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(3)); // the listeners fail, back off, and stay up
        await azurite.StartAsync();

        using var after = await host.Client.PostAsJsonAsync("/api/leads", new { email = "after@acme.com" });
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        var id = (await after.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id;
        await Eventually.GetAsync(
            () => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"),
            TimeSpan.FromSeconds(30),
            "processing after the outage"
        );
    }

    /// <summary>Lets <see cref="TestHost"/> use this test's own Azurite.</summary>
    private sealed class ConnectionOnly(string connectionString) : IAzurite
    {
        public string ConnectionString => connectionString;
    }
}
