using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Adapters.Tables;

/// <summary>The scoring model as one JSON row of the Settings table (well under the 64 KiB a string property holds).</summary>
public sealed class ScoringModelTableStore(LeadTables tables) : IScoringModelStore
{
    private const string PartitionKey = "scoring-model";
    private const string RowKey = "current";

    public async Task<ScoringModel?> GetAsync(CancellationToken cancellationToken)
    {
        var response = await tables.Settings.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value?.GetString("Json") is { } json
            ? JsonSerializer.Deserialize<ScoringModel>(json, JsonDefaults.Options)
            : null;
    }

    public async Task SaveAsync(ScoringModel model, CancellationToken cancellationToken) =>
        await tables.Settings.UpsertEntityAsync(
            new TableEntity(PartitionKey, RowKey) { ["Json"] = JsonSerializer.Serialize(model, JsonDefaults.Options) },
            TableUpdateMode.Replace,
            cancellationToken);
}
