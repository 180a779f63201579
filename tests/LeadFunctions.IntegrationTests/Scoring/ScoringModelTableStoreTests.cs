using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Text;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Scoring;

/// <summary>The scoring model's row against Azurite, which, unlike Azure, stores a string property of any
/// length.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScoringModelTableStoreTests(AzuriteFixture azurite)
{
    /// <summary>What Azure Table storage holds in one string property: 64 KiB of UTF-16.</summary>
    private const int AzureMaxStringChars = 32 * 1024;

    [Fact]
    public async Task SaveAsync_AModelLongerThanOneProperty_IsSplitWithinAzureLimitsAndReadsBackWhole()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<IScoringModelStore>();
        var settings = host.Services.GetRequiredService<LeadTables>().Settings;

        // Turkish keywords: each ı, ş, ğ, ü, ö, ç is written as a six-character \u escape.
        var model = DefaultScoringModel.Create();
        var large = model with
        {
            Fit = model.Fit with
            {
                JobTitle =
                [
                    .. Enumerable
                        .Range(0, 2_000)
                        .Select(i => new KeywordRule([$"müdürü{i}", $"genel müdür yardımcısı {i}"], i % 50)),
                ],
            },
        };
        await store.SaveAsync(large, default);

        var parts = await JsonPartsAsync(settings);
        Assert.True(parts.Count > 3, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.True(p.Length <= AzureMaxStringChars, $"{p.Length} characters"));
        Assert.Equal(
            JsonSerializer.Serialize(large, JsonDefaults.Options),
            JsonSerializer.Serialize(await store.GetAsync(default), JsonDefaults.Options)
        );

        // A shorter model replaces the whole row: no part of the longer one is read back with it.
        await store.SaveAsync(model, default);
        Assert.Equal(
            JsonSerializer.Serialize(model, JsonDefaults.Options),
            JsonSerializer.Serialize(await store.GetAsync(default), JsonDefaults.Options)
        );
        Assert.Single(await JsonPartsAsync(settings));
    }

    private static async Task<List<string>> JsonPartsAsync(TableClient settings)
    {
        var row = (
            await settings.QueryAsync<TableEntity>(e => e.PartitionKey == "scoring-model").ToListAsync()
        ).Single();
        return [.. row.Where(p => p.Key.StartsWith("Json", StringComparison.Ordinal)).Select(p => (string)p.Value)];
    }
}
