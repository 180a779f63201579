using System.Net.Http.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Host;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// The real self-hosted runtime on Kestrel (127.0.0.1, OS-chosen port) against the shared Azurite,
/// with its own storage name prefix so tests never see each other's queues and tables.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key";
    public const string MasterKey = "test-master-key";
    public const string ConsentTokenSecret = "test-consent-token-secret-0123456789abcdef";

    private const string DefaultHostJson = """
        {
          "version": "2.0",
          "extensions": {
            "queues": { "maxPollingInterval": "00:00:00.500", "visibilityTimeout": "00:00:00", "maxDequeueCount": 5 }
          }
        }
        """;

    private readonly WebApplication app;
    private readonly string contentRoot;

    private TestHost(WebApplication app, string contentRoot, string prefix)
    {
        this.app = app;
        this.contentRoot = contentRoot;
        Prefix = prefix;
        // Never follow redirects: a 303 must be seen, and its target is not on this machine.
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = LoopbackServer.AddressOf(app),
        };
    }

    public HttpClient Client { get; }

    public string Prefix { get; }

    public IServiceProvider Services => app.Services;

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<TestHost> StartAsync(
        IAzurite azurite,
        Action<WebApplicationBuilder>? configure = null,
        string? prefix = null,
        string hostJson = DefaultHostJson,
        string? localSettingsJson = null,
        params string[] settings
    )
    {
        prefix ??= NewPrefix();
        var contentRoot = Directory.CreateTempSubdirectory("host-").FullName;
        await File.WriteAllTextAsync(Path.Combine(contentRoot, "host.json"), hostJson);
        if (localSettingsJson is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(contentRoot, "local.settings.json"), localSettingsJson);
        }

        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--contentRoot={contentRoot}",
            "--environment=Testing",
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--Storage:NamePrefix={prefix}",
            $"--Host:FunctionKeys:default={FunctionKey}",
            $"--Host:MasterKey={MasterKey}",
            "--Intake:PermitsPerMinute=1000000",
            $"--Consent:TokenSecret={ConsentTokenSecret}",
            "--Nurture:PostalAddress=Test A.Ş., İstanbul",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Azure=Error",
            .. settings,
        ];
        var builder = LeadFunctionsHost.CreateBuilder(args);
        configure?.Invoke(builder);
        var app = LeadFunctionsHost.Build(builder);
        await app.StartAsync();
        return new TestHost(app, contentRoot, prefix);
    }

    public QueueClient Queue(string name, bool raw = false)
    {
        var options = new QueueClientOptions
        {
            MessageEncoding = raw ? QueueMessageEncoding.None : QueueMessageEncoding.Base64,
        };
        var connection = Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()[
            "AzureWebJobsStorage"
        ];
        return new QueueClient(connection, Services.GetRequiredService<StorageNames>().Queue(name), options);
    }

    public TableClient Table(string name) =>
        Services
            .GetRequiredService<TableServiceClient>()
            .GetTableClient(Services.GetRequiredService<StorageNames>().Table(name));

    public BlobContainerClient Container(string name) =>
        Services
            .GetRequiredService<BlobServiceClient>()
            .GetBlobContainerClient(Services.GetRequiredService<StorageNames>().Container(name));

    public static HttpRequestMessage WithKey(HttpMethod method, string uri, string key = FunctionKey)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("x-functions-key", key);
        return request;
    }

    /// <summary><paramref name="json"/> sent as application/json with the function key.</summary>
    public async Task<HttpResponseMessage> SendJsonWithKeyAsync(HttpMethod method, string uri, string json)
    {
        using var request = WithKey(method, uri);
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await Client.SendAsync(request);
    }

    public async Task<T?> GetJsonWithKeyAsync<T>(string uri)
    {
        using var response = await Client.SendAsync(TestHost.WithKey(HttpMethod.Get, uri));
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<T>() : default;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Client.Dispose();
        Directory.Delete(contentRoot, recursive: true);
    }
}
