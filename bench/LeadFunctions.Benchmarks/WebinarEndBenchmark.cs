using System.Diagnostics;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Adapters.Leads;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Testing;
using LeadFunctions.Testing.Webinars;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// A webinar's end: the demo's webinar journey running, its registrants posted through Zoom's signed webhook and
/// processed (each enrolled, waiting for the webinar's end), none of them attending (every one a no-show, the most work
/// an end can bring), then webinar.ended posted; the time from that post until every no-show's enrollment is on the
/// journey's no-show branch, read from the lead rows, with its webinar_missed recorded on the lead.
/// </summary>
internal static class WebinarEndBenchmark
{
    private const string Secret = "bench-zoom-secret-token";
    private const string Key = "bench-webinar-end-key";
    private const string WebinarId = "81234567890";
    private const string Campaign = "webinar-yolculugu";
    private const string Wait = "webinar-sonu";
    private const string NoShowBranch = "sizi-ozledik";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(AzuriteProcess azurite, int registrants)
    {
        var prefix = "bw" + Guid.NewGuid().ToString("N")[..8];
        var names = new StorageNames(Options.Create(new StorageOptions { NamePrefix = prefix }));
        QueueClient Queue(string name) => new(azurite.ConnectionString, names.Queue(name));
        await using var host = new HostProcess([
            .. azurite.HostSettings(prefix),
            $"--Webhooks:Zoom:SecretToken={Secret}",
            $"--Host:FunctionKeys:default={Key}",
        ]);
        await host.StartAsync();
        await PutJourneyAsync(host);

        var startsAt = DateTimeOffset.UtcNow.AddHours(-1);
        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, registrants),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) =>
            {
                var json = ZoomRequests.Registration(
                    WebinarId,
                    $"bench-{prefix}-{i}@acme.com.tr",
                    "Ayşe",
                    "Yılmaz",
                    startsAt,
                    $"https://us06web.zoom.us/w/{WebinarId}?tk=t{i}",
                    DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
                );
                using var response = await host.Client.SendAsync(ZoomRequests.Sign(json, Secret), ct);
                response.EnsureSuccessStatusCode();
            }
        );
        var registrations = new TableClient(azurite.ConnectionString, names.Table(TableNames.WebinarRegistrations));
        var leads = new TableClient(azurite.ConnectionString, names.Table(TableNames.Leads));
        var (registered, waiting) = (0, 0);
        await UntilAsync(
            async () =>
                await EmptyAsync(Queue(QueueNames.LeadIntake))
                && await EmptyAsync(Queue(QueueNames.LeadEvents))
                && (registered = await CountAsync(registrations, $"PartitionKey eq 'zoom|{WebinarId}'")) == registrants
                && (waiting = await AtStepAsync(leads, Wait)) == registrants,
            () =>
                Task.FromResult(
                    $"the registrations processed ({registered}), each enrolled and waiting for the end ({waiting})"
                )
        );
        Report.Note(
            $"webinar end: {registrants} registrants posted, processed and enrolled in {seeding.Elapsed.TotalSeconds:0} s"
        );

        var ended = ZoomRequests.Ended(
            WebinarId,
            startsAt,
            DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
        );
        var sw = Stopwatch.StartNew();
        using (var response = await host.Client.SendAsync(ZoomRequests.Sign(ended, Secret)))
        {
            response.EnsureSuccessStatusCode();
        }

        // The branch is taken in the write that records the no-show's event, and counted in the campaign's results (a
        // point read, polled): once the count is complete, or has not moved for a few seconds (a count can be lost
        // with its host), every lead's enrollment is read to see it on the branch.
        var stats = new TableClient(azurite.ConnectionString, names.Table(TableNames.CampaignStats));
        var (counted, branched, movedAt) = (0L, 0, Stopwatch.StartNew());
        await UntilAsync(
            async () =>
            {
                var count = await CounterAsync(stats);
                (counted, movedAt) = count == counted ? (counted, movedAt) : (count, Stopwatch.StartNew());
                return (count >= registrants || (count > 0 && movedAt.Elapsed > TimeSpan.FromSeconds(5)))
                    && (branched = await AtStepAsync(leads, NoShowBranch)) == registrants;
            },
            async () =>
                $"every no-show on the branch ({branched} on it, {counted} counted; "
                + $"{await QueuedAsync(Queue(QueueNames.WebinarEndings))} on webinar-endings, "
                + $"{await QueuedAsync(Queue(QueueNames.LeadEvents))} on lead-events)"
        );
        var seconds = sw.Elapsed.TotalSeconds;
        var missed = await CountAsync(leads, $"Type eq '{EventTypes.WebinarMissed}'");
        Report.Figure(
            $"webinar end: {registrants} no-shows, each on the journey's no-show branch",
            seconds,
            " s",
            "≤ 60 s",
            seconds <= 60 && missed == registrants
        );
        counted = await CounterAsync(stats);
        Report.Note(
            $"{missed} of {registrants} no-shows recorded on their leads; the campaign's results count {counted} "
                + "taking the branch"
        );
    }

    /// <summary>How many leads' enrollment in the journey is at <paramref name="step"/> (its next step).</summary>
    private static async Task<int> AtStepAsync(TableClient leads, string step)
    {
        var count = 0;
        await foreach (var row in leads.QueryAsync<TableEntity>(LeadTableStore.LeadRowsFilter, maxPerPage: 1000))
        {
            count += EnrollmentEntityMapper.Read(row).Any(e => e.CampaignId == Campaign && e.NextStepId == step)
                ? 1
                : 0;
        }

        return count;
    }

    /// <summary>The demo's webinar journey (the day-before and hour-before reminders, then a wait for the end with a
    /// branch per outcome), whose reminders are past for this webinar, so every registrant goes straight to the wait and
    /// nothing is sent.</summary>
    private static async Task PutJourneyAsync(HostProcess host)
    {
        var path = Path.Combine(
            AzuriteProcess.RepositoryRoot(),
            "tools/LeadFunctions.Demo/Data/campaigns",
            Campaign + ".json"
        );
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/campaigns/{Campaign}")
        {
            Content = new StringContent(await File.ReadAllTextAsync(path), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", Key);
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The wait's count of webinar_missed branches, as the campaign's results show it.</summary>
    private static async Task<long> CounterAsync(TableClient stats)
    {
        var entity = await stats.GetEntityIfExistsAsync<TableEntity>(Campaign, "step|" + Wait);
        return entity.HasValue ? entity.Value!.GetInt64("On_" + EventTypes.WebinarMissed) ?? 0 : 0;
    }

    private static async Task<bool> EmptyAsync(QueueClient queue) => await QueuedAsync(queue) == 0;

    private static async Task<int> QueuedAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static async Task<int> CountAsync(TableClient table, string filter)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, Func<Task<string>> what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience} for {await what()}.");
            }

            await Task.Delay(250);
        }
    }
}
