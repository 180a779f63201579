using System.Net;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Consent;

namespace LeadFunctions.Adapters.Consent;

/// <summary>
/// The suppression list in the Suppressions table: one partition per <see cref="SuppressionKey"/> with one row.
/// The first entry stays: an address that bounced and is then reported as spam keeps the bounce's reason,
/// time and evidence (why it was first suppressed), and a redelivered event changes nothing.
/// </summary>
public sealed class SuppressionTableStore(LeadTables tables) : ISuppressionList
{
    public const string RowKey = "suppression";

    public async Task SuppressAsync(
        string normalizedEmail,
        SuppressionReason reason,
        DateTimeOffset at,
        string? evidence,
        CancellationToken cancellationToken
    )
    {
        var entity = new TableEntity(SuppressionKey.For(normalizedEmail), RowKey)
        {
            ["Reason"] = reason.ToString(),
            ["At"] = at,
            ["Evidence"] = evidence,
        };
        try
        {
            await tables.Suppressions.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // Already suppressed: the first entry stays.
        }
    }

    public async Task<bool> IsSuppressedAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var found = await tables.Suppressions.GetEntityIfExistsAsync<TableEntity>(
            SuppressionKey.For(normalizedEmail),
            RowKey,
            ["PartitionKey"],
            cancellationToken
        );
        return found.HasValue;
    }

    public async Task<SuppressionPage> ListAsync(
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken
    )
    {
        var query = tables.Suppressions.QueryAsync<TableEntity>(
            maxPerPage: pageSize,
            cancellationToken: cancellationToken
        );
        if (await ContinuationTokens.PageAsync(query, continuationToken, pageSize) is not { } page)
        {
            return new SuppressionPage([], null);
        }

        var next = ContinuationTokens.Encode(page.ContinuationToken);
        return new SuppressionPage([.. page.Values.Select(ToSuppression)], next);
    }

    /// <summary>The SDK answers a delete of a missing row with its 404 rather than an exception.</summary>
    public async Task<bool> LiftAsync(string hash, CancellationToken cancellationToken)
    {
        using var response = await tables.Suppressions.DeleteEntityAsync(hash, RowKey, ETag.All, cancellationToken);
        return response.Status != (int)HttpStatusCode.NotFound;
    }

    private static Suppression ToSuppression(TableEntity entity) =>
        new(
            entity.PartitionKey,
            Enum.Parse<SuppressionReason>(entity.GetString("Reason")),
            entity.GetDateTimeOffset("At") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            entity.GetString("Evidence")
        );
}
