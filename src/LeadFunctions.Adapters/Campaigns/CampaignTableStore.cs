using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// Campaigns as rows of one partition of the Campaigns table, the definition as JSON split over properties
/// "Json", "Json1"… (a string property holds at most 32,768 UTF-16 characters, as for the scoring model).
/// </summary>
public sealed class CampaignTableStore(LeadTables tables) : ICampaignStore
{
    private const string PartitionKey = "campaign";
    private const string JsonProperty = "Json";
    private const int PartLength = 32_000;

    public async Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        var response = await tables.Campaigns.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey,
            campaignId,
            cancellationToken: cancellationToken
        );
        return response.HasValue && response.Value is { } entity ? ToCampaign(entity) : null;
    }

    public async Task<bool> PutAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(campaign, JsonDefaults.Options);
        var entity = new TableEntity(PartitionKey, campaign.Id)
        {
            ["Archived"] = campaign.Archived,
            ["Active"] = campaign.Active,
        };
        for (var (start, part) = (0, 0); start < json.Length; start += PartLength, part++)
        {
            entity[part == 0 ? JsonProperty : JsonProperty + part] = json.Substring(
                start,
                Math.Min(PartLength, json.Length - start)
            );
        }

        // Add first: a new campaign is one operation, and "new" is what storage says, not a read that another PUT can
        // overtake.
        try
        {
            await tables.Campaigns.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            await tables.Campaigns.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
            return false;
        }
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}");
        var rows = await tables
            .Campaigns.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToCampaign)];
    }

    private static Campaign ToCampaign(TableEntity entity)
    {
        var json = new StringBuilder(entity.GetString(JsonProperty));
        for (var part = 1; entity.GetString(JsonProperty + part) is { } next; part++)
        {
            json.Append(next);
        }

        return JsonSerializer.Deserialize<Campaign>(json.ToString(), JsonDefaults.Options)
            ?? throw new InvalidDataException($"Campaign row {entity.RowKey} holds no campaign.");
    }
}
