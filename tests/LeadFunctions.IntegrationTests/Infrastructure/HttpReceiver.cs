using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>A real HTTP server on loopback standing in for an outside system (a CRM's webhook inbox); records what it receives.</summary>
public sealed class HttpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private HttpReceiver(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Answers 503 to the first <paramref name="failFirst"/> requests, to exercise retries.</summary>
    public static async Task<HttpReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        HttpReceiver? receiver = null;
        var calls = 0;
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver!.Requests.Enqueue(new ReceivedRequest(request.Path, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
            return Interlocked.Increment(ref calls) <= failFirst ? Results.StatusCode(503) : Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new HttpReceiver(app, new Uri(address));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
