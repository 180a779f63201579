using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>Crash, storage outage and two hosts: scripted runs whose figures say whether anything answered 202 was
/// lost.</summary>
internal static class ReliabilityScenarios
{
    private const int Workers = 16;

    /// <summary>A host killed mid-message leaves it invisible for the lease; shortened so the run ends in
    /// minutes.</summary>
    private const string ShortLease = "--Runtime:Queues:MessageLease=00:00:15";

    /// <summary>Leads posted while the host is killed with SIGKILL and started again every 2 to 6 seconds.</summary>
    public static async Task CrashAsync(AzuriteProcess azurite, int leads)
    {
        var (prefix, ledger) = ("rc" + Guid.NewGuid().ToString("N")[..8], new Ledger());
        await using var host = new HostProcess([.. azurite.HostSettings(prefix), ShortLease]);
        await host.StartAsync();
        var next = -1;
        var kills = 0;
        var posting = Task.WhenAll(
            Enumerable
                .Range(0, Workers)
                .Select(async _ =>
                {
                    for (var i = Interlocked.Increment(ref next); i < leads; i = Interlocked.Increment(ref next))
                    {
                        // A client whose request failed tries again, as a browser's user would.
                        while (!await ledger.PostAsync(host.Client, $"crash-{prefix}-{i}@acme.com"))
                        {
                            await Task.Delay(200);
                        }
                    }
                })
        );
        while (!posting.IsCompleted)
        {
            // At random between 2 and 6 s, not every 4: with a fixed period, three cycles of kill and
            // restart (about 5 s each) matched the 15 s lease, so a message caught by one kill came back
            // just before a later one, again and again, and was poisoned at its sixth delivery.
            await Task.WhenAny(posting, Task.Delay(TimeSpan.FromSeconds(2 + (4 * Random.Shared.NextDouble()))));
            if (!posting.IsCompleted)
            {
                await host.KillAsync();
                kills++;
                await host.StartAsync();
            }
        }

        var (stored, lost, duplicated) = await ledger.VerifyAsync(
            BenchStorage.LeadsTable(azurite, prefix),
            $"crash-{prefix}-",
            TimeSpan.FromMinutes(2)
        );
        Report.Figure(
            "crash: leads answered 202 but not stored",
            lost,
            string.Empty,
            "0",
            lost == 0 && duplicated == 0 && stored == ledger.Accepted
        );
        Report.Note(
            $"{ledger.Accepted} accepted, {stored} stored, {duplicated} duplicated, host killed {kills} times; "
                + $"answers {Describe(ledger)}; lead-intake afterwards: "
                + $"{await BenchStorage.IntakeBacklogAsync(azurite, prefix)}"
        );
    }

    /// <summary>Azurite stopped for 10 s under load: intake answers 503 with Retry-After, and after it returns the
    /// backlog drains.</summary>
    public static async Task OutageAsync(AzuriteProcess azurite)
    {
        var (prefix, ledger) = ("ro" + Guid.NewGuid().ToString("N")[..8], new Ledger());
        await using var host = new HostProcess([.. azurite.HostSettings(prefix), ShortLease]);
        await host.StartAsync();
        var sequence = 0;
        var load = Load.OpenLoopAsync(50, TimeSpan.FromSeconds(25), () =>
            ledger.PostAsync(host.Client, $"outage-{prefix}-{Interlocked.Increment(ref sequence)}@acme.com")
        );
        await Task.Delay(TimeSpan.FromSeconds(5));
        await azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await azurite.StartAsync();
        await load;

        var (stored, lost, duplicated) = await ledger.VerifyAsync(
            BenchStorage.LeadsTable(azurite, prefix),
            $"outage-{prefix}-",
            TimeSpan.FromMinutes(3)
        );
        var fivehundreds = ledger.Answers.GetValueOrDefault("500");
        Report.Figure(
            "outage: leads answered 202 but not stored",
            lost,
            string.Empty,
            "0, and no 500",
            lost == 0 && fivehundreds == 0 && duplicated == 0
        );
        Report.Note(
            $"{ledger.Accepted} accepted, {stored} stored; answers {Describe(ledger)}; lead-intake afterwards: "
                + $"{await BenchStorage.IntakeBacklogAsync(azurite, prefix)}"
        );
    }

    /// <summary>Two hosts on one storage account share the queues: both do work, and the totals match.</summary>
    public static async Task TwoHostsAsync(AzuriteProcess azurite)
    {
        var (prefix, ledger) = ("rt" + Guid.NewGuid().ToString("N")[..8], new Ledger());
        await using var first = new HostProcess([.. azurite.HostSettings(prefix), ShortLease]);
        await using var second = new HostProcess([.. azurite.HostSettings(prefix), ShortLease]);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        var before = (
            await first.HealthFigureAsync("runtime", "storageOperations"),
            await second.HealthFigureAsync("runtime", "storageOperations")
        );

        // Everything goes in through the first host; the second one only takes work from the queue.
        var sequence = 0;
        await Load.ClosedLoopAsync(Workers, TimeSpan.FromSeconds(10), async () =>
        {
            var n = Interlocked.Increment(ref sequence);
            return await ledger.PostAsync(first.Client, $"two-{prefix}-{n}@acme.com");
        });
        var (stored, lost, duplicated) = await ledger.VerifyAsync(
            BenchStorage.LeadsTable(azurite, prefix),
            $"two-{prefix}-",
            TimeSpan.FromMinutes(3)
        );
        var secondWork = await second.HealthFigureAsync("runtime", "storageOperations") - before.Item2;
        var firstWork = await first.HealthFigureAsync("runtime", "storageOperations") - before.Item1;
        var share = secondWork / (double)(firstWork + secondWork);
        Report.Figure(
            "two hosts: leads answered 202 but not stored",
            lost,
            string.Empty,
            "0, both hosts working",
            lost == 0 && duplicated == 0 && share > 0.05
        );
        Report.Note(
            $"{ledger.Accepted} accepted, {stored} stored; storage operations: first host {firstWork} (intake + "
                + $"processing), second host {secondWork} (processing only, {share:P0} of all); lead-intake "
                + $"afterwards: {await BenchStorage.IntakeBacklogAsync(azurite, prefix)}"
        );
    }

    private static string Describe(Ledger ledger) =>
        string.Join(
            ", ",
            ledger.Answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} ×{a.Value}")
        );
}
