using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Adapters.Consent;

/// <summary>
/// The İYS change log: one partition per UTC day of recording, a row per (lead, record) upserted, so writing
/// it again after a redelivery changes nothing. An export reads only the days of its period.
/// Appends are group-committed: those arriving within <see cref="Window"/> for the same day go in one
/// entity-group transaction, so under load the log costs a fraction of a storage operation per consent
/// instead of one (a new lead with consent costs ~4.4 operations; one more each would be 5.4). Every caller
/// waits for its batch's write, so nothing is acknowledged before it is stored.
/// </summary>
public sealed class ConsentChangeTableLog(LeadTables tables, TimeProvider time) : IConsentChangeLog
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(25);
    private const int MaxBatch = 100;
    private const string DayFormat = "yyyyMMdd";
    private readonly Lock gate = new();
    private readonly Dictionary<string, Batch> open = new(StringComparer.Ordinal);

    public async Task AppendAsync(
        string normalizedEmail,
        ConsentRecord record,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken
    )
    {
        var entity = ConsentEntityMapper.ToEntity(Day(recordedAt), record);
        entity.RowKey = $"{LeadId.FromEmail(normalizedEmail)}|{StableId.From(record.Id)}";
        entity["Email"] = normalizedEmail;
        entity["RecordedAt"] = recordedAt;

        Batch batch;
        var flusher = false;
        lock (gate)
        {
            if (!open.TryGetValue(entity.PartitionKey, out batch!) || batch.Rows.Count == MaxBatch)
            {
                (batch, flusher) = (new Batch(), true);
                open[entity.PartitionKey] = batch;
            }

            // One operation per entity in a transaction: the same row twice in a window is written once.
            batch.Rows[entity.RowKey] = entity;
        }

        if (flusher)
        {
            await Task.Delay(Window, time, CancellationToken.None);
            await FlushAsync(entity.PartitionKey, batch);
        }

        await batch.Written.Task.WaitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<ConsentChange> ReadAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        for (var day = since.UtcDateTime.Date; day < until.UtcDateTime; day = day.AddDays(1))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {Day(day)} and RecordedAt ge {since} and RecordedAt lt {until}"
            );
            await foreach (
                var entity in tables.ConsentChanges.QueryAsync<TableEntity>(
                    filter,
                    cancellationToken: cancellationToken
                )
            )
            {
                yield return new ConsentChange(
                    entity.GetString("Email"),
                    ConsentEntityMapper.ToRecord(entity),
                    entity.GetDateTimeOffset("RecordedAt") ?? day
                );
            }
        }
    }

    private async Task FlushAsync(string partition, Batch batch)
    {
        lock (gate)
        {
            if (open.GetValueOrDefault(partition) == batch)
            {
                open.Remove(partition);
            }
        }

        try
        {
            if (batch.Rows.Count == 1)
            {
                await tables.ConsentChanges.UpsertEntityAsync(batch.Rows.Values.Single(), TableUpdateMode.Replace);
            }
            else
            {
                await tables.ConsentChanges.SubmitTransactionAsync(
                    batch.Rows.Values.Select(row => new TableTransactionAction(
                        TableTransactionActionType.UpsertReplace,
                        row
                    ))
                );
            }

            batch.Written.SetResult();
        }
        catch (Exception ex)
        {
            // Every caller of the batch fails and its message is tried again; the rows are upserts.
            batch.Written.SetException(ex);
        }
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture);

    private sealed class Batch
    {
        public Dictionary<string, TableEntity> Rows { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
