using System.Collections.Concurrent;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>A real HTTP server on loopback standing in for an outside system (a CRM's webhook inbox); records what it
/// receives.</summary>
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
        var app = LoopbackServer.Create();
        HttpReceiver? receiver = null;
        var calls = 0;
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver!.Requests.Enqueue(
                new ReceivedRequest(
                    request.Path,
                    request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    body.ToArray()
                )
            );
            return Interlocked.Increment(ref calls) <= failFirst ? Results.StatusCode(503) : Results.Ok();
        });
        receiver = new HttpReceiver(app, await LoopbackServer.StartAsync(app));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
