using System.Diagnostics;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Scheduled sends end to end: enrollments of which some fall due over three minutes, the host's one-minute
/// timer → nurture-send → the send function → the SendGrid stand-in; against a raw loop that POSTs the same
/// requests to the same stand-in with the same parallelism. Also the storage operations per email, the rows
/// of the due index the timer read, and the lag from a step falling due to SendGrid receiving it.
/// </summary>
internal static class NurtureBenchmark
{
    /// <summary>Arrivals further apart than this belong to different timer runs: the pipeline was idle in between,
    /// waiting for sends to fall due.</summary>
    private static readonly TimeSpan BurstGap = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Spread = TimeSpan.FromMinutes(3);

    private const int WaitingCampaigns = 5;

    public static async Task RunAsync(AzuriteProcess azurite, int enrollments, int due)
    {
        var prefix = "bn" + Guid.NewGuid().ToString("N")[..8];
        await using var standIn = await MailSendStandIn.StartAsync();
        await using var seed = await NurtureSeed.OpenAsync(azurite, prefix);
        var campaign = NurtureSeed.Drip(
            "fair-follow-up",
            TimeSpan.FromDays(2),
            TimeSpan.FromDays(3),
            TimeSpan.FromDays(7)
        );
        await seed.PutAsync(campaign);

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

        // The due ones over three minutes from a minute far enough ahead for their own seeding and the host's start.
        var first = NextMinute(DateTimeOffset.UtcNow.AddSeconds((due / rate * WaitingCampaigns * 1.5) + 30));
        var dueAt = (
            await seed.EnrollAsync([campaign], prefix, people, due, (i, _) => first + (Spread * (i - people) / due))
        ).ToDictionary(s => s.LeadId, s => s.DueAt, StringComparer.Ordinal);
        await using var host = new HostProcess([
            $"--AzureWebJobsStorage={azurite.ConnectionString}",
            $"--Storage:NamePrefix={prefix}",
            .. standIn.HostSettings,
        ]);
        await host.StartAsync();
        Report.Note(
            $"nurture: {due} sends due {first:HH:mm:ss}–{first + Spread:HH:mm:ss} UTC, host ready at "
                + $"{DateTimeOffset.UtcNow:HH:mm:ss}"
        );

        // Counted from just before the first send falls due: the host's idle start-up minute is not the emails' cost.
        if (first - DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2) is { Ticks: > 0 } idle)
        {
            await Task.Delay(idle);
        }

        var dueTable = prefix + TableNames.NurtureDue;
        var (operationsBefore, rowsBefore) = (
            await host.HealthFigureAsync("runtime", "storageOperations"),
            await host.TableRowsReadAsync(dueTable)
        );

        var settled = await WaitForSendsAsync(standIn, host, due, first + Spread + TimeSpan.FromMinutes(3));
        var operations = await host.HealthFigureAsync("runtime", "storageOperations") - operationsBefore;
        var rowsRead = await host.TableRowsReadAsync(dueTable) - rowsBefore;
        var sends = standIn.Received.Where(s => dueAt.ContainsKey(s.Lead) && s.Step == campaign.Steps[0].Id).ToList();
        var distinct = sends.Select(s => s.Lead).Distinct(StringComparer.Ordinal).Count();
        var inFlight = standIn.MaxInFlight;

        var (rateSending, bursts) = SendingRate(sends);
        standIn.Reset();
        var raw = await standIn.ReplayAsync(sends, Math.Max(1, inFlight));
        var ratio = rateSending / raw;
        Report.Figure(
            "nurture: emails/s through timer → queue → SendGrid ÷ raw POSTs of the same requests",
            ratio,
            string.Empty,
            "≥ 0.7, all due sent once",
            ratio >= 0.7 && distinct == due && sends.Count == due
        );
        Report.Note(
            $"{sends.Count} requests for {distinct} of {due} due sends ({(settled ? "all in" : "gave up waiting")}); "
                + $"{rateSending:0} emails/s while sending ({bursts}); raw {raw:0}/s with {inFlight} in flight (the "
                + $"host's most at once; raw reached {standIn.MaxInFlight}); SendGrid latency "
                + $"{MailSendStandIn.ServiceLatency.TotalMilliseconds:0} ms"
        );
        Report.Figure("nurture: emails/s absolute", rateSending, string.Empty, "≥ 100", rateSending >= 100);
        var perEmail = operations / (double)Math.Max(1, distinct);
        Report.Figure("nurture: storage operations per email sent", perEmail, string.Empty, "≤ 6", perEmail <= 6);
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
        var lags = sends.Select(s => (s.ArrivedAt - dueAt[s.Lead]).TotalSeconds).ToList();
        var p95 = Load.Percentile(lags, 95);
        Report.Figure(
            "nurture: lag p95, step due → SendGrid receives it",
            p95,
            " s",
            "≤ 70 s",
            p95 <= 70 && lags.Count > 0 && lags.Min() >= 0
        );
        Report.Note(
            $"p50 {Load.Percentile(lags, 50):0.0} s, max {lags.DefaultIfEmpty().Max():0.0} s, earliest "
                + $"{lags.DefaultIfEmpty().Min():0.0} s (negative: sent before due)"
        );
    }

    /// <summary>Waits until every due send reached the stand-in and nurture-send is empty (the last sends recorded), or
    /// <paramref name="deadline"/>.</summary>
    private static async Task<bool> WaitForSendsAsync(
        MailSendStandIn standIn,
        HostProcess host,
        int due,
        DateTimeOffset deadline
    )
    {
        var progress = Stopwatch.StartNew();
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(1000);
            var received = standIn.Received.Count;
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

    /// <summary>
    /// Emails per second while the pipeline had due sends: the sends fall due over minutes and the timer hands them
    /// over once a minute, so each run's burst is timed from its first arrival to its last, and the idle minutes
    /// between them, which the lag figure covers, are not.
    /// </summary>
    private static (double Rate, string Bursts) SendingRate(IReadOnlyList<MailSend> sends)
    {
        var arrivals = sends.Select(s => s.ArrivedAt).Order().ToList();
        var bursts = new List<(DateTimeOffset First, DateTimeOffset Last, int Count)>();
        foreach (var at in arrivals)
        {
            if (bursts.Count > 0 && at - bursts[^1].Last < BurstGap)
            {
                bursts[^1] = (bursts[^1].First, at, bursts[^1].Count + 1);
            }
            else
            {
                bursts.Add((at, at, 1));
            }
        }

        var busy = bursts.Sum(b =>
            Math.Max((b.Last - b.First).TotalSeconds, MailSendStandIn.ServiceLatency.TotalSeconds)
        );
        return (
            arrivals.Count / Math.Max(busy, 1e-3),
            $"{bursts.Count} bursts: "
                + string.Join(
                    ", ",
                    bursts.Select(b => $"{b.Count} at {b.First:HH:mm:ss} in {(b.Last - b.First).TotalSeconds:0.0} s")
                )
        );
    }

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
