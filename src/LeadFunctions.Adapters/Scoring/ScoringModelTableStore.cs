using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Adapters.Scoring;

/// <summary>
/// The scoring model as one JSON row of the Settings table. A string property holds at most 64 KiB
/// (32,768 UTF-16 characters) in Azure, Azurite does not check, and the JSON of a model PUT may reach
/// several times the 64 KiB body (the default encoder writes non-ASCII letters and characters such as
/// &lt; or &amp; as six-character \u escapes), so it is split over properties "Json", "Json1", "Json2"…;
/// even at six times the row stays under the 1 MiB an entity holds.
/// </summary>
public sealed class ScoringModelTableStore(LeadTables tables) : IScoringModelStore
{
    private const string PartitionKey = "scoring-model";
    private const string RowKey = "current";
    private const string JsonProperty = "Json";

    public async Task<ScoringModel?> GetAsync(CancellationToken cancellationToken)
    {
        var response = await tables.Settings.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey,
            RowKey,
            cancellationToken: cancellationToken
        );
        return response.HasValue && response.Value is { } row
            ? JsonColumns.Read<ScoringModel>(row, JsonProperty)
            : null;
    }

    public async Task SaveAsync(ScoringModel model, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKey, RowKey);
        JsonColumns.TryWrite(entity, JsonProperty, model, int.MaxValue);

        // Replace, so the parts of a longer model saved before do not outlive it.
        await tables.Settings.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}
