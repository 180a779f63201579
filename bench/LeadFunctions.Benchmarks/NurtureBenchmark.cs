using System.Diagnostics;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Scheduled sends end to end, the host's five-second timer → nurture-send → the send function → the SendGrid
/// stand-in, among enrollments that wait for later: a cohort falling due over three minutes (the lag from a step
/// falling due to SendGrid receiving it, the storage operations per email, the rows of the due index the timer read),
/// then a launch, half as many due at one instant (emails/s against a raw loop that POSTs the same requests to the same
/// stand-in with the same parallelism; at most 8,000 sends, which one timer run deals over one host's batch of 16
/// messages, as a minute's run of the steady cohort was before the timer looked ahead). Then what the host costs with
/// nothing due.
/// </summary>
internal static class NurtureBenchmark
{
    private static readonly TimeSpan Spread = TimeSpan.FromMinutes(3);

    private const int WaitingCampaigns = 5;

    public static async Task RunAsync(AzuriteProcess azurite, int enrollments, int due)
    {
        var prefix = "bn" + Guid.NewGuid().ToString("N")[..8];
        await using var standIn = await MailSendStandIn.StartAsync();
        await using var seed = await NurtureSeed.OpenAsync(azurite, prefix);
        var (steady, launch) = (
            NurtureSeed.Drip("fair-follow-up", TimeSpan.FromDays(2), TimeSpan.FromDays(3), TimeSpan.FromDays(7)),
            NurtureSeed.Drip("launch", TimeSpan.FromDays(1), TimeSpan.FromDays(3))
        );
        await seed.PutAsync(steady);
        await seed.PutAsync(launch);

        // Most enrollments wait: their first step falls due from an hour ahead on, 100 to a minute, in minutes the
        // timer does not read yet. They are leads in five campaigns each (one write per lead), so that 100,000 seed in
        // minutes.
        var waiting = Enumerable
            .Range(1, WaitingCampaigns)
            .Select(k => NurtureSeed.Drip($"later-{k}", TimeSpan.FromDays(2), TimeSpan.FromDays(3)))
            .ToList();
        foreach (var later in waiting)
        {
            await seed.PutAsync(later);
        }

        var (people, start, seeding) = (
            (enrollments - due) / WaitingCampaigns,
            DateTimeOffset.UtcNow,
            Stopwatch.StartNew()
        );
        await seed.EnrollAsync(waiting, prefix, 0, people, (i, k) =>
            start.AddHours(1).AddMinutes(((i * WaitingCampaigns) + k) / 100)
        );
        var rate = people * WaitingCampaigns / seeding.Elapsed.TotalSeconds;

        // The steady ones over three minutes from a minute far enough ahead for both cohorts' seeding and the host's
        // start; the launch half a minute after the last of them.
        var first = NextMinute(DateTimeOffset.UtcNow.AddSeconds((2 * due / rate * WaitingCampaigns * 1.5) + 30));
        var dueAt = (
            await seed.EnrollAsync([steady], prefix, people, due, (i, _) => first + (Spread * (i - people) / due))
        ).ToDictionary(s => s.LeadId, s => s.DueAt, StringComparer.Ordinal);
        var launchAt = first + Spread + TimeSpan.FromSeconds(30);
        await seed.EnrollAsync([launch], prefix, people + due, due / 2, (_, _) => launchAt);
        await using var host = new HostProcess([.. azurite.HostSettings(prefix), .. standIn.HostSettings]);
        await host.StartAsync();
        Report.Note(
            $"nurture: {due} sends due {first:HH:mm:ss}–{first + Spread:HH:mm:ss} UTC, {due / 2} more at "
                + $"{launchAt:HH:mm:ss}; host ready at {DateTimeOffset.UtcNow:HH:mm:ss}"
        );

        // Counted from just before the first send falls due: the host's idle start-up is not the emails' cost.
        await DelayUntilAsync(first - TimeSpan.FromSeconds(2));
        await SteadyAsync(host, standIn, steady, dueAt, prefix + TableNames.NurtureDue, enrollments);
        await LaunchAsync(host, standIn, launch, due / 2, launchAt);
        await IdleAsync(host);
    }

    /// <summary>The cohort due over three minutes: its lag, its storage operations and due index rows per email.</summary>
    private static async Task SteadyAsync(
        HostProcess host,
        MailSendStandIn standIn,
        Campaign campaign,
        Dictionary<string, DateTimeOffset> dueAt,
        string dueTable,
        int enrollments
    )
    {
        var due = dueAt.Count;
        var (operationsBefore, rowsBefore) = (
            await host.HealthFigureAsync("runtime", "storageOperations"),
            await host.TableRowsReadAsync(dueTable)
        );
        var settled = await WaitForSendsAsync(standIn, host, campaign.Id, due, DateTimeOffset.UtcNow + Spread * 2);
        var operations = await host.HealthFigureAsync("runtime", "storageOperations") - operationsBefore;
        var rowsRead = await host.TableRowsReadAsync(dueTable) - rowsBefore;
        var sends = standIn.Received.Where(s => s.Campaign == campaign.Id).ToList();
        var distinct = sends.Select(s => s.Lead).Distinct(StringComparer.Ordinal).Count();
        Report.Note(
            $"{sends.Count} requests for {distinct} of {due} sends due over {Spread.TotalMinutes:0} minutes "
                + $"({(settled ? "all in" : "gave up waiting")})"
        );
        var lags = sends.Select(s => (s.ArrivedAt - dueAt[s.Lead]).TotalSeconds).ToList();
        var p95 = Load.Percentile(lags, 95);
        Report.Figure(
            "nurture: lag p95, step due → SendGrid receives it",
            p95,
            " s",
            "≤ 5 s, none early, all due sent once",
            p95 <= 5 && lags.Count > 0 && lags.Min() >= 0 && distinct == due && sends.Count == due
        );
        Report.Note(
            $"p50 {Load.Percentile(lags, 50):0.0} s, max {lags.DefaultIfEmpty().Max():0.0} s, earliest "
                + $"{lags.DefaultIfEmpty().Min():0.0} s (negative: sent before due)"
        );
        var perEmail = operations / (double)Math.Max(1, distinct);
        Report.Figure("nurture: storage operations per email sent", perEmail, string.Empty, "≤ 5.5", perEmail <= 5.5);
        Report.Note(
            $"{operations} operations from the first send due to the last one recorded, the idle queues' polling and "
                + $"the timer runs among {enrollments} enrollments included"
        );
        var perDue = rowsRead / (double)due;
        Report.Figure(
            "nurture: due index rows read by the scheduler ÷ due sends",
            perDue,
            string.Empty,
            "≤ 1.2",
            perDue <= 1.2
        );
        Report.Note($"{rowsRead} rows of {dueTable} read for {due} due among {enrollments} enrollments");
    }

    /// <summary>The cohort due at one instant: emails/s from its first arrival to its last, against raw POSTs.</summary>
    private static async Task LaunchAsync(
        HostProcess host,
        MailSendStandIn standIn,
        Campaign campaign,
        int due,
        DateTimeOffset launchAt
    )
    {
        standIn.Reset(); // the most in flight at once, the raw loop's parallelism, is the launch's own
        var settled = await WaitForSendsAsync(standIn, host, campaign.Id, due, launchAt + TimeSpan.FromMinutes(5));
        var sends = standIn.Received.Where(s => s.Campaign == campaign.Id).ToList();
        var distinct = sends.Select(s => s.Lead).Distinct(StringComparer.Ordinal).Count();
        var arrivals = sends.Select(s => s.ArrivedAt).Order().ToList();
        var busy = Math.Max(
            (arrivals.LastOrDefault() - arrivals.FirstOrDefault()).TotalSeconds,
            MailSendStandIn.ServiceLatency.TotalSeconds
        );
        var rateSending = sends.Count / busy;
        var inFlight = standIn.MaxInFlight;
        standIn.Reset();
        var raw = await standIn.ReplayAsync(sends, Math.Max(1, inFlight));
        standIn.Reset();
        var ratio = rateSending / raw;
        Report.Figure(
            "nurture: emails/s through timer → queue → SendGrid ÷ raw POSTs of the same requests",
            ratio,
            string.Empty,
            "≥ 0.85, all due sent once",
            ratio >= 0.85 && distinct == due && sends.Count == due
        );
        Report.Note(
            $"a launch: {sends.Count} requests for {distinct} of {due} sends due at {launchAt:HH:mm:ss} "
                + $"({(settled ? "all in" : "gave up waiting")}), the first {(arrivals.FirstOrDefault() - launchAt).TotalSeconds:0.0} s "
                + $"after; {rateSending:0} emails/s; raw {raw:0}/s with {inFlight} in flight (the host's most at once); "
                + $"SendGrid latency {MailSendStandIn.ServiceLatency.TotalMilliseconds:0} ms"
        );
        Report.Figure("nurture: emails/s absolute", rateSending, string.Empty, "≥ 100", rateSending >= 100);
    }

    /// <summary>What the host costs with nothing due: the nurture timer's runs and every queue's polling.</summary>
    private static async Task IdleAsync(HostProcess host)
    {
        await Task.Delay(TimeSpan.FromSeconds(10));
        var before = await host.HealthFigureAsync("runtime", "storageOperations");
        await Task.Delay(TimeSpan.FromMinutes(1));
        var perMinute = await host.HealthFigureAsync("runtime", "storageOperations") - before;
        Report.Figure(
            "nurture: storage operations per minute with nothing to do",
            perMinute,
            string.Empty,
            "reported",
            true
        );
        Report.Note(
            "the nurture timer every 5 s (a due index query each run, the poison queue once a minute) and every queue's "
                + "listener polling at most every 2 s (host.json maxPollingInterval)"
        );
    }

    private static async Task DelayUntilAsync(DateTimeOffset at)
    {
        if (at - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait);
        }
    }

    /// <summary>Waits until every due send of <paramref name="campaignId"/> reached the stand-in and nurture-send is
    /// empty (the last sends recorded), or <paramref name="deadline"/>.</summary>
    internal static async Task<bool> WaitForSendsAsync(
        MailSendStandIn standIn,
        HostProcess host,
        string campaignId,
        int due,
        DateTimeOffset deadline
    )
    {
        var progress = Stopwatch.StartNew();
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(1000);
            var received = standIn.Received.Count(s => s.Campaign == campaignId);
            if (received >= due)
            {
                // The record after SendGrid's answer is the send's last write.
                await Task.Delay(TimeSpan.FromSeconds(5));
                return true;
            }

            if (progress.Elapsed > TimeSpan.FromSeconds(30))
            {
                Report.Note(
                    $"{DateTimeOffset.UtcNow:HH:mm:ss} {received} of {due} at the stand-in, "
                        + $"{await host.HealthFigureAsync("runtime", "storageOperations")} storage operations"
                );
                progress.Restart();
            }
        }

        return false;
    }

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
