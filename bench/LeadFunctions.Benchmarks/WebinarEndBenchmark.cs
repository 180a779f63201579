using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Testing;
using LeadFunctions.Testing.Webinars;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// A webinar's end: its registrants posted through Zoom's signed webhook and processed, none of them attending (every
/// one a no-show, the most work an end can bring), then webinar.ended posted; the time from that post until every
/// no-show's webinar_missed is recorded on the lead.
/// </summary>
internal static class WebinarEndBenchmark
{
    private const string Secret = "bench-zoom-secret-token";
    private const string WebinarId = "81234567890";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(AzuriteProcess azurite, int registrants)
    {
        var prefix = "bw" + Guid.NewGuid().ToString("N")[..8];
        var names = new StorageNames(Options.Create(new StorageOptions { NamePrefix = prefix }));
        QueueClient Queue(string name) => new(azurite.ConnectionString, names.Queue(name));
        await using var host = new HostProcess([
            .. azurite.HostSettings(prefix),
            $"--Webhooks:Zoom:SecretToken={Secret}",
        ]);
        await host.StartAsync();

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
        await UntilAsync(
            async () =>
                await EmptyAsync(Queue(QueueNames.LeadIntake))
                && await EmptyAsync(Queue(QueueNames.LeadEvents))
                && await CountAsync(registrations, $"PartitionKey eq 'zoom|{WebinarId}'") == registrants,
            "the registrations processed"
        );
        Report.Note(
            $"webinar end: {registrants} registrants posted and processed in {seeding.Elapsed.TotalSeconds:0} s"
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

        // The end's pages queue the no-shows before they are deleted, so both queues are empty only once every
        // no-show's event is recorded (or poisoned, which the count below would show).
        await UntilAsync(
            async () =>
                await EmptyAsync(Queue(QueueNames.WebinarEndings)) && await EmptyAsync(Queue(QueueNames.LeadEvents)),
            "the no-shows processed"
        );
        var seconds = sw.Elapsed.TotalSeconds;
        var leads = new TableClient(azurite.ConnectionString, names.Table(TableNames.Leads));
        var missed = await CountAsync(leads, $"Type eq '{EventTypes.WebinarMissed}'");
        Report.Figure(
            $"webinar end: {registrants} no-shows, each webinar_missed recorded on the lead",
            seconds,
            " s",
            "≤ 60 s",
            seconds <= 60 && missed == registrants
        );
        Report.Note($"{missed} of {registrants} no-shows recorded");
    }

    private static async Task<bool> EmptyAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0;

    private static async Task<int> CountAsync(TableClient table, string filter)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience} for {what}.");
            }

            await Task.Delay(250);
        }
    }
}
