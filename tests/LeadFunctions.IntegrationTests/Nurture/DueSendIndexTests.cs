using Azure.Data.Tables;
using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Nurture;

[Collection(AzuriteCollection.Name)]
public sealed class DueSendIndexTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReadDue_ReturnsOnlyWhatIsDueByNow_NotLaterInTheMinute_NorLaterMinutes_AndNothingOnceRemoved()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var index = nurture.Get<IDueSendIndex>();
        var now = nurture.Clock.GetUtcNow();
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        nurture.Clock.Offset += minute.AddSeconds(30) - now; // half past the minute, so the minute has a later part
        now = nurture.Clock.GetUtcNow();
        DueSend Send(int i, DateTimeOffset at) => new($"lead{i:D2}", "c", "s", at);
        var due = Enumerable
            .Range(0, 5)
            .Select(i => Send(i, now.AddMinutes(-i * 3)))
            .Append(Send(5, now.AddSeconds(-10)))
            .ToList();
        var later = new[] { Send(10, now.AddSeconds(20)), Send(11, now.AddMinutes(2)), Send(12, now.AddDays(2)) };
        await index.AddAsync([.. due, .. later], CancellationToken.None);

        // Past sends go into the current minute at the time they are indexed, so they are read by a timer that runs
        // after that.
        var read = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(nurture.Clock.GetUtcNow(), CancellationToken.None))
        {
            read.AddRange(page);
        }

        Assert.Equal(due.Select(d => d.LeadId).Order(), read.Select(r => r.Send.LeadId).Order());
        // the send's own due time, not the clamped one
        Assert.All(read, r => Assert.Equal(due.Single(d => d.LeadId == r.Send.LeadId).DueAt, r.Send.DueAt));
        await index.RemoveAsync(read, CancellationToken.None);
        var again = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(now.AddMinutes(3), CancellationToken.None))
        {
            again.AddRange(page);
        }

        Assert.Equal(["lead10", "lead11"], again.Select(r => r.Send.LeadId).Order());
    }

    [Fact]
    public async Task Hold_KeepsTheDueTimeOutsideTheTimersRange_ReadPerCampaignEarliestFirst_OnceEach_UntilRemoved()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var index = nurture.Get<IDueSendIndex>();
        var now = nurture.Clock.GetUtcNow();
        var held = new[]
        {
            new DueSend("lead2", "paused", "s", now.AddMinutes(-90)),
            new DueSend("lead1", "paused", "s", now.AddDays(-1)),
            new DueSend("lead3", "other", "s", now),
        };

        await index.HoldAsync(held, CancellationToken.None);
        await index.HoldAsync([held[0]], CancellationToken.None);

        var due = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(now.AddDays(3), CancellationToken.None))
        {
            due.AddRange(page);
        }

        var paused = await index.ReadHeldAsync("paused", 10, CancellationToken.None);
        Assert.Empty(due);
        Assert.Equal([held[1], held[0]], paused.Select(e => e.Send));
        Assert.Equal([held[1]], (await index.ReadHeldAsync("paused", 1, CancellationToken.None)).Select(e => e.Send));
        await index.RemoveAsync(paused, CancellationToken.None);
        Assert.Empty(await index.ReadHeldAsync("paused", 10, CancellationToken.None));
        Assert.Equal([held[2]], (await index.ReadHeldAsync("other", 10, CancellationToken.None)).Select(e => e.Send));
    }

    [Fact]
    public async Task Add_ManyWritersAtOnce_ShareTransactions_AndEachReturnsOnceItsRowsAreStored()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var index = nurture.Get<IDueSendIndex>();
        var counter = nurture.Get<LeadFunctions.Adapters.Health.StorageOperationCounter>();
        var at = nurture.Clock.GetUtcNow().AddDays(2);
        var before = counter.Total;

        // 64 senders scheduling their next step into the same minute, as a burst's senders do; one of them twice.
        await Task.WhenAll(
            Enumerable
                .Range(0, 64)
                .Select(i =>
                    Task.Run(() => index.AddAsync([new DueSend($"lead{i:D2}", "c", "s", at)], CancellationToken.None))
                )
        );
        await index.AddAsync(
            [new DueSend("lead07", "c", "s", at), new DueSend("lead07", "c", "s", at)],
            CancellationToken.None
        );
        var writes = counter.Total - before;

        var read = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(at.AddMinutes(1), CancellationToken.None))
        {
            read.AddRange(page);
        }

        Assert.Equal(64, read.Select(r => r.Send.LeadId).Distinct().Count());
        Assert.True(writes < 64, $"{writes} writes for 64 writers");
    }

    [Fact]
    public async Task ReadDue_AnEntryWrittenLate_IntoAMinuteTheTimerHadPassed_IsStillRead()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var index = nurture.Get<IDueSendIndex>();
        var now = nurture.Clock.GetUtcNow();
        await DrainAsync(index, now); // the timer has run: it is done with every minute before now

        // A writer whose clock is ten minutes behind (or whose write a storage brownout held back ten minutes)
        // files a send due "now" by its clock into a minute the timer passed long ago.
        var lateWriter = new LeadFunctions.Adapters.Campaigns.DueSendTableIndex(
            nurture.Get<LeadFunctions.Adapters.Storage.LeadTables>(),
            new ShiftedClock { Offset = nurture.Clock.Offset - TimeSpan.FromMinutes(10) }
        );
        await lateWriter.AddAsync([new DueSend("late", "c", "s", now.AddMinutes(-10))], CancellationToken.None);

        Assert.Equal(["late"], (await DrainAsync(index, now.AddMinutes(1))).Select(r => r.Send.LeadId));
    }

    /// <summary>A timer run: what is due by <paramref name="now"/>, taken out of the index.</summary>
    private static async Task<List<IndexedDueSend>> DrainAsync(IDueSendIndex index, DateTimeOffset now)
    {
        var read = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(now, CancellationToken.None))
        {
            read.AddRange(page);
        }

        await index.RemoveAsync(read, CancellationToken.None);
        return read;
    }

    [Fact]
    public async Task ReadDue_AMinutesShards_EveryOneRead_AndAnUnshardedRowOfAnEarlierBuildToo()
    {
        await using var nurture = await NurtureHost.StartAsync(azurite);
        var index = nurture.Get<IDueSendIndex>();
        var now = nurture.Clock.GetUtcNow();
        var sends = Enumerable
            .Range(0, 64)
            .Select(i => new DueSend(LeadId.FromEmail($"kisi{i}@acme.com.tr"), "c", "s", now.AddSeconds(-1)))
            .ToList();
        await index.AddAsync(sends, CancellationToken.None);
        var table = nurture.Host.Table(TableNames.NurtureDue);
        var old = new TableEntity(DueSendTableIndex.Bucket(now), $"{now.UtcTicks - 1:D19}|oldbuild|c")
        {
            ["LeadId"] = "oldbuild",
            ["CampaignId"] = "c",
            ["StepId"] = "s",
            ["DueTicks"] = now.UtcTicks - 1,
        };
        await table.AddEntityAsync(old);

        var partitions = await table
            .QueryAsync<TableEntity>(select: ["PartitionKey"])
            .Select(r => r.PartitionKey)
            .ToListAsync();
        Assert.Equal(DueSendTableIndex.Shards + 1, partitions.Distinct().Count());
        var read = new List<IndexedDueSend>();
        await foreach (var page in index.ReadDueAsync(nurture.Clock.GetUtcNow(), CancellationToken.None))
        {
            read.AddRange(page);
        }

        Assert.Equal(
            sends.Select(s => s.LeadId).Append("oldbuild").Order(StringComparer.Ordinal),
            read.Select(r => r.Send.LeadId).Order(StringComparer.Ordinal)
        );
    }
}
