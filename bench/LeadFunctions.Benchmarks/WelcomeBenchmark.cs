using System.Collections.Concurrent;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Form POSTs at 50 leads/s, each to its welcome email at the SendGrid stand-in: a campaign whose first step has no
/// delay, entered by every web form lead. The whole way: intake queue, processing, enrollment, the due index, the
/// nurture timer, nurture-send and the send function. On tables of its own: Azurite answers a partition query (a lead's
/// load) by reading every row of the table, so among the nurture run's 100,000 enrollments it would measure the
/// emulator's scan, which Azure Tables does not do.
/// </summary>
internal static class WelcomeBenchmark
{
    private const int LeadsPerSecond = 50;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private static readonly Campaign Campaign = NurtureSeed.Drip("welcome", TimeSpan.Zero) with
    {
        Trigger = new CampaignTrigger { Sources = [LeadSources.Default] },
    };

    public static async Task RunAsync(AzuriteProcess azurite)
    {
        var run = "bw" + Guid.NewGuid().ToString("N")[..8];
        await using var standIn = await MailSendStandIn.StartAsync();
        await using (var seed = await NurtureSeed.OpenAsync(azurite, run))
        {
            await seed.PutAsync(Campaign); // before the host starts: it reads campaigns through a cache
        }

        await using var host = new HostProcess([.. azurite.HostSettings(run), .. standIn.HostSettings]);
        await host.StartAsync();
        var posted = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var sequence = 0;
        await Load.OpenLoopAsync(LeadsPerSecond, Duration, async () =>
        {
            var email = $"welcome-{run}-{Interlocked.Increment(ref sequence)}@acme{sequence % 50}.com";
            var accepted = await Load.PostLeadAsync(host.Client, Load.LeadOf(email));
            if (accepted)
            {
                posted[LeadId.FromEmail(email)] = DateTimeOffset.UtcNow;
            }

            return accepted;
        });
        var settled = await NurtureBenchmark.WaitForSendsAsync(
            standIn,
            host,
            Campaign.Id,
            posted.Count,
            DateTimeOffset.UtcNow.AddMinutes(2)
        );
        var latencies = standIn
            .Received.Where(s => s.Campaign == Campaign.Id && posted.ContainsKey(s.Lead))
            .Select(s => (s.ArrivedAt - posted[s.Lead]).TotalSeconds)
            .ToList();
        var p95 = Load.Percentile(latencies, 95);
        Report.Figure(
            $"nurture: form POST → its welcome email at SendGrid, p95 at {LeadsPerSecond} leads/s",
            p95,
            " s",
            "≤ 10 s, every lead's",
            p95 <= 10 && latencies.Count == posted.Count
        );
        Report.Note(
            $"{latencies.Count} welcome emails for {posted.Count} leads answered 202 "
                + $"({(settled ? "all in" : "gave up waiting")}); p50 {Load.Percentile(latencies, 50):0.0} s, max "
                + $"{latencies.DefaultIfEmpty().Max():0.0} s"
        );
    }
}
