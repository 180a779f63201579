using System.Net;
using LeadFunctions.Core.Leads;
using LeadFunctions.Host;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace LeadFunctions.IntegrationTests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class ConfigurationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HostJson_EmptyRoutePrefix_RoutesAtTheRoot()
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            hostJson: """{ "version": "2.0", "extensions": { "http": { "routePrefix": "" } } }"""
        );
        using var root = await host.Client.GetAsync("/health");
        using var prefixed = await host.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, prefixed.StatusCode);
    }

    [Theory]
    [InlineData(null, SelfHostedRuntime.DefaultUrl)]
    [InlineData("--urls=http://127.0.0.1:5005", "http://127.0.0.1:5005")]
    [InlineData("--http_ports=8080", null)] // ASPNETCORE_HTTP_PORTS, as the .NET container images set it
    public void ListeningAddress_IsCoreToolsDefault_OnlyWhenNoneIsConfigured(string? setting, string? urls)
    {
        var storage = $"--AzureWebJobsStorage={azurite.ConnectionString}";
        var builder = LeadFunctionsHost.CreateBuilder(setting is null ? [storage] : [storage, setting]);
        Assert.Equal(urls, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public async Task LocalSettingsValues_AreReadLikeEnvironmentVariables()
    {
        // Starting with the byte order mark an editor on Windows writes.
        await using var host = await TestHost.StartAsync(
            azurite,
            localSettingsJson: "\uFEFF"
                + """
                { "IsEncrypted": false, "Values": { "Host__FunctionKeys__fromfile": "key-from-local-settings" } }
                """
        );
        using var response = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/leads/{LeadId.FromEmail("x@acme.com")}", "key-from-local-settings")
        );
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // past the key check
    }
}
