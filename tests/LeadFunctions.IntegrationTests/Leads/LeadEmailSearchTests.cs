using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Leads;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Health;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Leads;

/// <summary>The search by an address's beginning against Azurite: it reads the email index (LeadEmails), which a lead's
/// creation, a pass over the leads and an erasure keep.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadEmailSearchTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Search_ReadsTheIndex_InAddressOrder_WithTheRestOfTheFilter_AndPages()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var query = host.Services.GetRequiredService<ILeadQuery>();
        foreach (
            var lead in new[]
            {
                LeadTableStoreTests.NewLead("ayse.y@acme.com") with
                {
                    Stage = LifecycleStage.Mql,
                },
                LeadTableStoreTests.NewLead("ayse.k@acme.com"),
                LeadTableStoreTests.NewLead("ali@acme.com"),
                LeadTableStoreTests.NewLead("a%2f#b/c?d\\e@acme.com"),
            }
        )
        {
            Assert.Equal(SaveResult.Saved, await store.SaveAsync(LeadChange.Updated(lead, null), default));
        }

        Assert.Equal(["ayse.k@acme.com", "ayse.y@acme.com"], await EmailsAsync(query, Prefix("ayse"), 10));
        Assert.Equal(["ayse.y@acme.com"], await EmailsAsync(query, new(LifecycleStage.Mql, null, null, "ay"), 10));
        Assert.Equal(["a%2f#b/c?d\\e@acme.com"], await EmailsAsync(query, Prefix("a%2f#b/"), 10));
        Assert.Empty(await EmailsAsync(query, Prefix("a%2f#b/x"), 10));
        Assert.Equal(
            ["a%2f#b/c?d\\e@acme.com", "ali@acme.com", "ayse.k@acme.com", "ayse.y@acme.com"],
            await EmailsAsync(query, Prefix("a"), 1)
        );

        // The index is what is read: a lead whose index row is gone is not found.
        await ForgetAsync(host, "ayse.k@acme.com");
        Assert.Equal(["ayse.y@acme.com"], await EmailsAsync(query, Prefix("ayse"), 10));
    }

    [Fact]
    public async Task ALeadKeptBeforeTheIndex_IsFoundAfterAPassOverTheLeads()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var query = host.Services.GetRequiredService<ILeadQuery>();
        var store = host.Services.GetRequiredService<ILeadStore>();
        await store.SaveAsync(LeadChange.Updated(LeadTableStoreTests.NewLead("eski@acme.com"), null), default);
        await ForgetAsync(host, "eski@acme.com");
        Assert.Empty(await EmailsAsync(query, Prefix("eski"), 10));

        foreach (var range in LeadIdRange.ByFirstTwoDigits)
        {
            await foreach (var _ in store.ScanAsync(range, default)) { }
        }

        Assert.Equal(["eski@acme.com"], await EmailsAsync(query, Prefix("eski"), 10));
    }

    [Fact]
    public async Task AnIndexRowWhoseLeadIsNotWritten_IsPassedOver_AndErasureTakesTheRow()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var query = host.Services.GetRequiredService<ILeadQuery>();
        var index = host.Services.GetRequiredService<LeadEmailIndex>();
        await index.KeepAsync(LeadTableStoreTests.NewLead("hayalet@acme.com"), default);
        Assert.Empty(await EmailsAsync(query, Prefix("hayalet"), 10));

        var store = host.Services.GetRequiredService<ILeadStore>();
        var lead = LeadTableStoreTests.NewLead("silinecek@acme.com");
        await store.SaveAsync(LeadChange.Updated(lead, null), default);
        Assert.Equal(["silinecek@acme.com"], await EmailsAsync(query, Prefix("silin"), 10));

        Assert.NotNull(await host.Services.GetRequiredService<LeadEraser>().EraseAsync(lead.Id, default));
        Assert.Empty(await EmailsAsync(query, Prefix("silin"), 10));
        var (partition, row) = LeadEmailIndex.KeyOf(lead.Email);
        Assert.False(
            (await host.Table(TableNames.LeadEmails).GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue
        );
    }

    [Fact]
    public async Task LeadsCreatedAtOnce_ShareTheirIndexWrite()
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: FunctionsOff.Settings(typeof(TimerFunctionAttribute), typeof(QueueFunctionAttribute))
        );
        var (store, usage) = (
            host.Services.GetRequiredService<ILeadStore>(),
            host.Services.GetRequiredService<IStorageUsage>()
        );
        var before = usage.Total;

        var saved = await Task.WhenAll(
            Enumerable
                .Range(0, 20)
                .Select(i =>
                    store.SaveAsync(
                        LeadChange.Updated(LeadTableStoreTests.NewLead($"birlikte{i}@acme.com"), null),
                        default
                    )
                )
        );

        Assert.All(saved, result => Assert.Equal(SaveResult.Saved, result));
        // 20 lead transactions; the index rows in a few: the first alone, the others while it was in flight.
        Assert.InRange(usage.Total - before, 20 + 1, 20 + 4);
        var query = host.Services.GetRequiredService<ILeadQuery>();
        Assert.Equal(20, (await EmailsAsync(query, Prefix("birlikte"), 100)).Count);
    }

    [Fact]
    public async Task Compaction_FoldsTheLogIntoRuns_TheSearchReadsBoth_AndErasureTakesAnAddressThatKeysARun()
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: FunctionsOff.Settings(typeof(TimerFunctionAttribute))
        );
        var (store, query, index) = (
            host.Services.GetRequiredService<ILeadStore>(),
            host.Services.GetRequiredService<ILeadQuery>(),
            host.Services.GetRequiredService<ILeadEmailIndex>()
        );
        await SaveAllAsync(store, Enumerable.Range(0, 450).Select(i => $"kat{i * 2:D4}@acme.com"));

        Assert.Equal(450, await index.CompactAsync(1000, default));
        Assert.Equal(0, await index.CompactAsync(1000, default));
        Assert.Empty(await RowKeysAsync(host, TableNames.LeadEmails));
        // 450 addresses are more than a run holds (200): runs keyed by their greatest address, the last by U+FFFF.
        var runs = await RowKeysAsync(host, TableNames.LeadEmailBlocks);
        Assert.InRange(runs.Count, 3, 4);
        Assert.Equal("\uffff", runs[^1]);
        Assert.All(runs[..^1], key => Assert.Matches("^kat[0-9]{4}@acme.com$", key));

        // New leads wait in the log, between and after the folded ones; the search merges both, in address order.
        await SaveAllAsync(store, ["kat0001@acme.com", "kat0451@acme.com", "kat9999@acme.com"]);
        var all = await EmailsAsync(query, Prefix("kat"), 7);
        Assert.Equal(453, all.Count);
        Assert.Equal([.. all.Order(StringComparer.Ordinal)], all);
        Assert.Equal(
            [
                "kat0450@acme.com",
                "kat0451@acme.com",
                "kat0452@acme.com",
                "kat0454@acme.com",
                "kat0456@acme.com",
                "kat0458@acme.com",
            ],
            await EmailsAsync(query, Prefix("kat045"), 2)
        );

        // The address that keys the first run is erased: the run takes its next greatest as key, and no row names it.
        var erased = runs[0];
        var held = await host
            .Services.GetRequiredService<IDataSubjectRecords>()
            .FindAsync(LeadTableStoreTests.NewLead(erased), default);
        Assert.Contains(held, r => r.Table == TableNames.LeadEmailBlocks && r.Values["Email"] as string == erased);
        Assert.NotNull(
            await host.Services.GetRequiredService<LeadEraser>().EraseAsync(LeadId.FromEmail(erased), default)
        );
        Assert.DoesNotContain(erased, await EmailsAsync(query, Prefix("kat"), 50));
        var rekeyed = await RowKeysAsync(host, TableNames.LeadEmailBlocks);
        Assert.DoesNotContain(erased, rekeyed);
        Assert.Equal(runs.Count, rekeyed.Count);
        Assert.Equal(452, (await EmailsAsync(query, Prefix("kat"), 100)).Count);

        // A token that is not this search's is refused.
        await Assert.ThrowsAsync<FormatException>(() =>
            query.ListAsync(Prefix("kat"), ContinuationTokens.Encode("zzz"), 5, default)
        );
    }

    /// <summary>
    /// An erasure that deletes the address's log row after a compaction read it and before the compaction folds it in
    /// (and so before the erasure looks in the runs): the compaction, finding the row gone when it deletes it, takes
    /// the address out of the runs again.
    /// </summary>
    [Fact]
    public async Task AnErasureWhileTheCompactionFoldsTheAddress_LeavesItInNoRun()
    {
        var erasure = new EraseOnFirstRunRead();
        await using var host = await TestHost.StartAsync(
            azurite,
            b =>
                b.Services.PostConfigureAll<TableClientOptions>(o =>
                    o.AddPolicy(erasure, HttpPipelinePosition.PerRetry)
                ),
            settings: FunctionsOff.Settings(typeof(TimerFunctionAttribute))
        );
        var (store, query, index) = (
            host.Services.GetRequiredService<ILeadStore>(),
            host.Services.GetRequiredService<ILeadQuery>(),
            host.Services.GetRequiredService<LeadEmailIndex>()
        );
        await SaveAllAsync(store, ["yaris@acme.com", "yakin@acme.com"]);
        erasure.Arm(
            new TableClient(azurite.ConnectionString, host.Table(TableNames.LeadEmails).Name),
            "yaris@acme.com"
        );

        Assert.Equal(2, await index.CompactAsync(100, default));

        Assert.True(erasure.Erased);
        Assert.Null(await index.FindFoldedAsync("yaris@acme.com", default));
        Assert.NotNull(await index.FindFoldedAsync("yakin@acme.com", default));
        Assert.Equal(["yakin@acme.com"], await EmailsAsync(query, Prefix("ya"), 10));
    }

    /// <summary>Deletes an address's log row (an erasure's first step) when the runs are first read.</summary>
    private sealed class EraseOnFirstRunRead : HttpPipelineSynchronousPolicy
    {
        private (TableClient Log, string Email)? armed;

        public bool Erased { get; private set; }

        public void Arm(TableClient log, string email) => armed = (log, email);

        public override void OnSendingRequest(HttpMessage message)
        {
            if (
                armed is var (log, email)
                && message.Request.Method == RequestMethod.Get
                && message.Request.Uri.Path.Contains(TableNames.LeadEmailBlocks, StringComparison.Ordinal)
            )
            {
                armed = null;
                var (partition, row) = LeadEmailIndex.KeyOf(email);
                log.DeleteEntity(partition, row);
                Erased = true;
            }
        }
    }

    private static async Task SaveAllAsync(ILeadStore store, IEnumerable<string> emails)
    {
        foreach (var chunk in emails.Chunk(25))
        {
            var saved = await Task.WhenAll(
                chunk.Select(e => store.SaveAsync(LeadChange.Updated(LeadTableStoreTests.NewLead(e), null), default))
            );
            Assert.All(saved, result => Assert.Equal(SaveResult.Saved, result));
        }
    }

    /// <summary>The row keys of a table, in order (the runs' keys say how the addresses are cut).</summary>
    private static async Task<List<string>> RowKeysAsync(TestHost host, string table) =>
        await host.Table(table).QueryAsync<TableEntity>(select: ["RowKey"]).Select(r => r.RowKey).ToListAsync();

    /// <summary>Takes the address's index row away, as for a lead kept before the index existed.</summary>
    private static async Task ForgetAsync(TestHost host, string email)
    {
        var (partition, row) = LeadEmailIndex.KeyOf(email);
        await host.Table(TableNames.LeadEmails).DeleteEntityAsync(partition, row);
    }

    private static LeadFilter Prefix(string prefix) => new(null, null, null, prefix);

    /// <summary>The addresses of every page, following the continuation tokens.</summary>
    private static async Task<List<string>> EmailsAsync(ILeadQuery query, LeadFilter filter, int pageSize)
    {
        var emails = new List<string>();
        string? token = null;
        do
        {
            var page = await query.ListAsync(filter, token, pageSize, default);
            emails.AddRange(page.Leads.Select(l => l.Email));
            token = page.ContinuationToken;
        } while (token is not null);

        return emails;
    }
}
