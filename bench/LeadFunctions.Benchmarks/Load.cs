using System.Diagnostics;
using System.Net.Http.Json;

namespace LeadFunctions.Benchmarks;

/// <summary>Load shapes: as fast as N workers go (closed loop), or at a fixed rate (open loop, for latency).</summary>
internal static class Load
{
    private static int sequence;

    public static object Lead(string run) =>
        LeadOf($"bench-{run}-{Interlocked.Increment(ref sequence)}@acme{sequence % 50}.com");

    /// <summary>A web form's lead with email consent.</summary>
    public static object LeadOf(string email) =>
        new
        {
            email,
            firstName = "Şule",
            lastName = "Çağlar",
            company = "Acme A.Ş.",
            jobTitle = "IT Manager",
            phone = "+90 532 123 45 67",
            country = "TR",
            utm_source = "bench",
            consentEmail = true,
        };

    /// <summary>Runs <paramref name="work"/> on <paramref name="workers"/> workers for <paramref name="duration"/>;
    /// returns completions per second.</summary>
    public static async Task<double> ClosedLoopAsync(int workers, TimeSpan duration, Func<Task<bool>> work)
    {
        var done = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, workers)
                .Select(async _ =>
                {
                    while (watch.Elapsed < duration)
                    {
                        if (await work())
                        {
                            Interlocked.Increment(ref done);
                        }
                    }
                })
        );
        return done / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Starts one request every 1/<paramref name="perSecond"/> s whatever the answers do; returns each latency
    /// in ms.</summary>
    public static async Task<double[]> OpenLoopAsync(double perSecond, TimeSpan duration, Func<Task<bool>> work)
    {
        var latencies = new List<double>();
        var running = new List<Task>();
        var watch = Stopwatch.StartNew();
        var count = (int)(perSecond * duration.TotalSeconds);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > watch.Elapsed)
            {
                await Task.Delay(due - watch.Elapsed);
            }

            running.Add(
                Task.Run(async () =>
                {
                    var start = Stopwatch.GetTimestamp();
                    await work();
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                })
            );
        }

        await Task.WhenAll(running);
        return [.. latencies];
    }

    public static async Task<bool> PostLeadAsync(HttpClient client, object lead)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/leads", lead);
            return response.StatusCode == System.Net.HttpStatusCode.Accepted;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
