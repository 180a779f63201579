using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Text;

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

    /// <summary>Characters per property: under 32,768, and the JSON is ASCII, so no surrogate pair is cut.</summary>
    private const int PartLength = 32_000;

    public async Task<ScoringModel?> GetAsync(CancellationToken cancellationToken)
    {
        var response = await tables.Settings.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey,
            RowKey,
            cancellationToken: cancellationToken
        );
        if (!response.HasValue || response.Value?.GetString(JsonProperty) is not { } first)
        {
            return null;
        }

        var json = new StringBuilder(first);
        for (var part = 1; response.Value.GetString(JsonProperty + part) is { } next; part++)
        {
            json.Append(next);
        }

        return JsonSerializer.Deserialize<ScoringModel>(json.ToString(), JsonDefaults.Options);
    }

    public async Task SaveAsync(ScoringModel model, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(model, JsonDefaults.Options);
        var entity = new TableEntity(PartitionKey, RowKey);
        for (var (start, part) = (0, 0); start < json.Length; start += PartLength, part++)
        {
            entity[part == 0 ? JsonProperty : JsonProperty + part] = json.Substring(
                start,
                Math.Min(PartLength, json.Length - start)
            );
        }

        // Replace, so the parts of a longer model saved before do not outlive it.
        await tables.Settings.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}
