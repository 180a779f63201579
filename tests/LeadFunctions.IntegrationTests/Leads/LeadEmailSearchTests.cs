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
