using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using LeadFunctions.Core.Email;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// SendGrid's v3 mail send on loopback for the nurture benchmarks: every POST /v3/mail/send is recorded as it
/// arrives (custom args, body and headers, time) and answered 202 with an X-Message-Id after
/// <see cref="ServiceLatency"/>. That fixed latency stands for SendGrid's own, so the pipeline and the raw
/// loop are bound by the same remote wait as in production, not by how fast a loopback server answers.
/// Recorded on arrival: a request whose sender is killed while it waits has still reached "SendGrid".
/// </summary>
internal sealed class MailSendStandIn : IAsyncDisposable
{
    /// <summary>About what SendGrid's mail send takes to answer 202 from a European data centre.</summary>
    public static readonly TimeSpan ServiceLatency = TimeSpan.FromMilliseconds(100);

    private const string ApiKey = "SG.bench-stand-in";
    private readonly WebApplication app;
    private readonly ConcurrentQueue<MailSend> received = new();
    private int inFlight;
    private int maxInFlight;

    private MailSendStandIn(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>Points a host at this stand-in.</summary>
    public string[] HostSettings =>
        [$"--SendGrid:Host={Address}", $"--SendGrid:ApiKey={ApiKey}", "--SendGrid:FromEmail=news@bench.example"];

    public IReadOnlyList<MailSend> Received => [.. received];

    /// <summary>The most requests waiting for their answer at once since the last <see cref="Reset"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public static async Task<MailSendStandIn> StartAsync()
    {
        var standIn = new MailSendStandIn(LoopbackServer.Create());
        standIn.app.MapPost("/v3/mail/send", standIn.ReceiveAsync);
        standIn.Address = await LoopbackServer.StartAsync(standIn.app);
        return standIn;
    }

    /// <summary>Forgets what was received and the in-flight peak (between the pipeline's run and the raw
    /// loop's).</summary>
    public void Reset()
    {
        received.Clear();
        Volatile.Write(ref maxInFlight, 0);
    }

    /// <summary>
    /// The raw loop: <paramref name="sends"/> POSTed again, same bodies and headers, by <paramref name="parallelism"/>
    /// workers each waiting for its answer before the next; returns emails/s from first request to last answer.
    /// </summary>
    public async Task<double> ReplayAsync(IReadOnlyList<MailSend> sends, int parallelism)
    {
        using var client = new HttpClient(
            new SocketsHttpHandler
            {
                MaxConnectionsPerServer = parallelism,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            }
        )
        {
            BaseAddress = Address,
        };
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, parallelism)
                .Select(async _ =>
                {
                    for (var i = Interlocked.Increment(ref next); i < sends.Count; i = Interlocked.Increment(ref next))
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/mail/send")
                        {
                            Content = new ByteArrayContent(sends[i].Body),
                        };
                        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(sends[i].ContentType);
                        foreach (var (name, value) in sends[i].Headers)
                        {
                            request.Headers.TryAddWithoutValidation(name, value);
                        }

                        using var response = await client.SendAsync(request);
                        response.EnsureSuccessStatusCode();
                    }
                })
        );
        return sends.Count / watch.Elapsed.TotalSeconds;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        RaisePeak(Interlocked.Increment(ref inFlight));
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            received.Enqueue(MailSend.Read(buffer.ToArray(), context.Request, arrived));
            await Task.Delay(ServiceLatency);
            context.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N");
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private void RaisePeak(int now)
    {
        var peak = Volatile.Read(ref maxInFlight);
        while (now > peak && Interlocked.CompareExchange(ref maxInFlight, now, peak) is var seen && seen != peak)
        {
            peak = seen;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>One mail send as the stand-in got it: our custom args (lead, campaign, step, send), and what a replay
/// needs.</summary>
internal sealed record MailSend(
    DateTimeOffset ArrivedAt,
    string Lead,
    string Campaign,
    string Step,
    string SendId,
    byte[] Body,
    string ContentType,
    IReadOnlyList<(string Name, string Value)> Headers,
    string To,
    IReadOnlyDictionary<string, string> CustomArgs
)
{
    /// <summary>The request headers a client chose (not the connection's own), replayed as they came.</summary>
    private static readonly string[] ReplayedHeaders = ["Authorization", "Accept", "User-Agent"];

    public static MailSend Read(byte[] body, HttpRequest request, DateTimeOffset arrivedAt)
    {
        using var json = JsonDocument.Parse(body);
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { json.RootElement, json.RootElement.GetProperty("personalizations")[0] })
        {
            if (source.TryGetProperty("custom_args", out var values))
            {
                foreach (var arg in values.EnumerateObject())
                {
                    args[arg.Name] = arg.Value.GetString() ?? string.Empty;
                }
            }
        }

        string Arg(string name) => args.GetValueOrDefault(name, string.Empty);
        var to = json.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email");
        return new MailSend(
            arrivedAt,
            Arg(MailCustomArgs.LeadId),
            Arg(MailCustomArgs.Campaign),
            Arg(MailCustomArgs.Step),
            Arg(MailCustomArgs.SendId),
            body,
            request.ContentType ?? "application/json",
            [
                .. ReplayedHeaders.SelectMany(name =>
                    request.Headers[name].Select(value => (name, value ?? string.Empty))
                ),
            ],
            to.GetString() ?? string.Empty,
            args
        );
    }
}
