using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// The due index in the NurtureDue table: a partition per minute and shard ("yyyyMMddHHmm|{shard}", UTC; the shard
/// from the lead id, one of <see cref="Shards"/>), a row per due send keyed "{due ticks}|{lead}|{campaign}". A table
/// partition takes about 2,000 entities a second on Azure; sharded, a launch to a million people that writes all its
/// first steps into one minute spreads them over eight partitions, each written and read at an eighth of the rate
/// (docs/performance.md). A send due in the past goes into the current minute, which the
/// timer has not finished with yet (the row keeps the send's own due time, which its enrollment names).
/// The timer reads every minute partition before the one it looks ahead to (each is empty once its entries are queued
/// and taken out), so an entry written late into a minute long passed is still found. Partitions whose names start
/// with a letter sort after every minute and are never read as due ("cursor" is a row an earlier build kept and no
/// longer reads). A paused campaign's held sends are in the partition "held|{campaign}", a row per send keyed by its
/// own due time like an index row.
/// </summary>
public sealed class DueSendTableIndex(LeadTables tables, TimeProvider time) : IDueSendIndex
{
    /// <summary>Partitions per minute.</summary>
    public const int Shards = 8;

    private const string HeldPrefix = "held|";
    private const int PageSize = 1000;

    private readonly InFlightUpserts writes = new(tables.NurtureDue);

    public Task AddAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return writes.WriteAsync(
            [.. sends.Select(s => ToEntity(PartitionOf(s, now), s, Max(s.DueAt, now)))],
            cancellationToken
        );
    }

    public async IAsyncEnumerable<IReadOnlyList<IndexedDueSend>> ReadDueAsync(
        DateTimeOffset dueBy,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        // Every earlier minute's shards sort before the minute itself, and its own shards ("{minute}|0" …) between it
        // and "{minute}~" (an unsharded minute of an earlier build too).
        var (current, past) = (Bucket(dueBy), Bucket(dueBy) + "~");
        var upTo = RowKeyPrefix(dueBy.UtcTicks + 1);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey lt {current} or (PartitionKey ge {current} and PartitionKey lt {past} and RowKey lt {upTo})"
        );
        await foreach (
            var page in tables
                .NurtureDue.QueryAsync<TableEntity>(filter, maxPerPage: PageSize, cancellationToken: cancellationToken)
                .AsPages()
        )
        {
            if (page.Values.Count > 0)
            {
                yield return [.. page.Values.Select(ToIndexed)];
            }
        }
    }

    public async Task RemoveAsync(IReadOnlyList<IndexedDueSend> entries, CancellationToken cancellationToken)
    {
        foreach (var partition in entries.Select(e => Split(e.Key)).GroupBy(k => k.Partition))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                try
                {
                    await tables.NurtureDue.SubmitTransactionAsync(
                        chunk.Select(k => new TableTransactionAction(
                            TableTransactionActionType.Delete,
                            new TableEntity(k.Partition, k.Row),
                            ETag.All
                        )),
                        cancellationToken
                    );
                }
                catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
                {
                    // One row of the batch was taken out already (a run that died after deleting part): the rest one by
                    // one.
                    foreach (var (p, r) in chunk)
                    {
                        await tables.NurtureDue.DeleteEntityAsync(p, r, ETag.All, cancellationToken);
                    }
                }
            }
        }
    }

    public Task HoldAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken) =>
        writes.WriteAsync([.. sends.Select(s => ToEntity(HeldPrefix + s.CampaignId, s, s.DueAt))], cancellationToken);

    public async Task<IReadOnlyList<IndexedDueSend>> ReadHeldAsync(
        string campaignId,
        int max,
        CancellationToken cancellationToken
    )
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {HeldPrefix + campaignId}");
        var held = new List<IndexedDueSend>();
        await foreach (
            var page in tables
                .NurtureDue.QueryAsync<TableEntity>(
                    filter,
                    maxPerPage: Math.Min(max, PageSize),
                    cancellationToken: cancellationToken
                )
                .AsPages()
        )
        {
            held.AddRange(page.Values.Take(max - held.Count).Select(ToIndexed));
            if (held.Count == max)
            {
                break;
            }
        }

        return held;
    }

    public static string Bucket(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>The partition a send is indexed in when written at <paramref name="now"/>: the minute it falls due
    /// (the current one when past), and the shard of its lead.</summary>
    public static string PartitionOf(DueSend send, DateTimeOffset now) =>
        $"{Bucket(Max(send.DueAt, now))}|{Shard(send.LeadId)}";

    /// <summary>Lead ids are hex digits of a hash: the last one spreads leads evenly.</summary>
    private static int Shard(string leadId) =>
        leadId.Length > 0 && char.IsAsciiHexDigit(leadId[^1]) ? Convert.ToInt32(leadId[^1..], 16) % Shards : 0;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string RowKeyPrefix(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string bucket, DueSend send, DateTimeOffset indexedAt) =>
        new(bucket, $"{RowKeyPrefix(indexedAt.UtcTicks)}|{send.LeadId}|{send.CampaignId}")
        {
            ["LeadId"] = send.LeadId,
            ["CampaignId"] = send.CampaignId,
            ["StepId"] = send.StepId,
            ["DueTicks"] = send.DueAt.UtcTicks,
        };

    private static IndexedDueSend ToIndexed(TableEntity row) =>
        new(
            new DueSend(
                row.GetString("LeadId"),
                row.GetString("CampaignId"),
                row.GetString("StepId"),
                new DateTimeOffset(row.GetInt64("DueTicks") ?? 0, TimeSpan.Zero)
            ),
            $"{row.PartitionKey}/{row.RowKey}"
        );

    private static (string Partition, string Row) Split(string key) =>
        key.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
            ? (key[..slash], key[(slash + 1)..])
            : throw new ArgumentException($"Not a due index key: {key}", nameof(key));
}
