using Azure;
using Azure.Data.Tables;

namespace LeadFunctions.Adapters.Storage;

internal static class TableRows
{
    /// <summary>Deletes the rows, a transaction per 100 of one partition; a row already gone is no failure. Only a
    /// transaction of more than one row, one of them gone, is done again row by row (with the keys in the
    /// address).</summary>
    public static async Task DeleteAsync(
        TableClient table,
        IEnumerable<ITableEntity> rows,
        CancellationToken cancellationToken
    )
    {
        foreach (var chunk in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(r => new TableTransactionAction(
                        TableTransactionActionType.Delete,
                        new TableEntity(r.PartitionKey, r.RowKey),
                        ETag.All
                    )),
                    cancellationToken
                );
            }
            catch (RequestFailedException ex) when (ex.Status == 404 && chunk.Length == 1)
            {
                // The one row is gone already.
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                foreach (var row in chunk)
                {
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                }
            }
        }
    }
}
