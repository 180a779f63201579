using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// Campaigns as rows of one partition of the Campaigns table, the definition as JSON split over properties
/// "Json", "Json1"… (a string property holds at most 32,768 UTF-16 characters, as for the scoring model).
/// </summary>
public sealed class CampaignTableStore(LeadTables tables) : ICampaignStore
{
    private const string PartitionKey = "campaign";
    private const string JsonProperty = "Json";

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
        var entity = new TableEntity(PartitionKey, campaign.Id)
        {
            ["Archived"] = campaign.Archived,
            ["Active"] = campaign.Active,
        };
        JsonColumns.TryWrite(entity, JsonProperty, campaign, int.MaxValue);

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

    private static Campaign ToCampaign(TableEntity entity) =>
        JsonColumns.Read<Campaign>(entity, JsonProperty)
        ?? throw new InvalidDataException($"Campaign row {entity.RowKey} holds no campaign.");
}
