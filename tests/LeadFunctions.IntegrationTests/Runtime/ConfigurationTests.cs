using System.Net;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class ConfigurationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HostJson_EmptyRoutePrefix_RoutesAtTheRoot()
    {
        await using var host = await TestHost.StartAsync(azurite, hostJson: """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }""");
        using var root = await host.Client.GetAsync("/health");
        using var prefixed = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, prefixed.StatusCode);
    }

    [Fact]
    public async Task LocalSettingsValues_AreReadLikeEnvironmentVariables()
    {
        await using var host = await TestHost.StartAsync(azurite, localSettingsJson: """
            { "IsEncrypted": false, "Values": { "Host__FunctionKeys__fromfile": "key-from-local-settings" } }
            """);
        using var response = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, $"/api/leads/{LeadId.FromEmail("x@acme.com")}", "key-from-local-settings"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // past the key check
    }
}
