using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Consent;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Timeline;

namespace LeadFunctions.Adapters.Leads;

/// <summary>
/// Leads in Azure Tables, one partition per lead: the row "lead|{id}" (with the lead's campaign enrollments and the
/// partition's recent activity), engagement rows "e|…" and timeline rows "t|…". One query loads a lead with its
/// events, one point read the lead with its enrollments and recent activity; one request writes a change (an
/// entity-group transaction when it has more than one row), with the lead's ETag for optimistic concurrency and Add
/// for entries so a repeat is detected. A lead's creation first writes its row of the email index.
/// </summary>
public sealed class LeadTableStore(LeadTables tables, LeadEmailIndex emails) : ILeadStore
{
    public async Task<VersionedLead?> FindAsync(string leadId, CancellationToken cancellationToken)
    {
        var response = await tables.Leads.GetEntityIfExistsAsync<TableEntity>(
            leadId,
            LeadEntityMapper.LeadRowKey(leadId),
            cancellationToken: cancellationToken
        );
        return response.HasValue && response.Value is { } entity
            ? new VersionedLead(LeadEntityMapper.ToLead(entity), entity.ETag.ToString())
            : null;
    }

    public async Task<LeadSnapshot> LoadLeadAsync(string leadId, CancellationToken cancellationToken)
    {
        var response = await tables.Leads.GetEntityIfExistsAsync<TableEntity>(
            leadId,
            LeadEntityMapper.LeadRowKey(leadId),
            cancellationToken: cancellationToken
        );
        return response.HasValue && response.Value is { } leadRow
            ? ToSnapshot(leadId, [leadRow])
            : await LoadAsync(leadId, cancellationToken);
    }

    public async Task<LeadSnapshot> LoadAsync(string leadId, CancellationToken cancellationToken)
    {
        var filter = InPartition(leadId, $"{VersionRows(leadId)} or ({EventRows})");
        await foreach (
            var page in tables
                .Leads.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken)
                .AsPages()
        )
        {
            // One page holds the rows as read together; a partition over more pages is read version first.
            return page.ContinuationToken is null
                ? ToSnapshot(leadId, [.. page.Values])
                : await LoadVersionFirstAsync(leadId, cancellationToken);
        }

        return new LeadSnapshot(leadId, null, null, []);
    }

    public async Task<SaveResult> SaveAsync(LeadChange change, CancellationToken cancellationToken) =>
        (await SaveVersionedAsync(change, cancellationToken)).Result;

    public async Task<(SaveResult Result, string? ETag)> SaveVersionedAsync(
        LeadChange change,
        CancellationToken cancellationToken
    )
    {
        var actions = new List<TableTransactionAction>();
        actions.AddRange(
            change.NewEvents.Select(e => new TableTransactionAction(
                TableTransactionActionType.Add,
                LeadEntityMapper.ToEntity(e)
            ))
        );
        actions.AddRange(
            change.Entries.Select(e => new TableTransactionAction(
                TableTransactionActionType.Add,
                LeadEntityMapper.ToEntity(change.LeadId, e)
            ))
        );
        var consents = change.ConsentRecords ?? [];
        actions.AddRange(
            consents.Select(r => new TableTransactionAction(
                TableTransactionActionType.Add,
                ConsentEntityMapper.ToEntity(change.LeadId, r)
            ))
        );

        // Enrollments live in the lead row: the change carries them all (LeadUpdater completes the list).
        if (change.Enrollments is { Count: > 0 })
        {
            ArgumentNullException.ThrowIfNull(change.Lead, nameof(change.Lead));
        }

        // Rows are keyed by time for newest-first order, but a retried request or redelivered webhook
        // carries the same id at another time: a marker keyed by id alone makes the repeat collide.
        var received = change
            .NewEvents.Select(e => e.EventId)
            .Concat(change.Entries.Where(e => e.Kind == TimelineKind.Submission).Select(e => e.Id));
        actions.AddRange(
            received.Select(id => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(change.LeadId, LeadEntityMapper.ReceivedPrefix + id)
            ))
        );

        // The row that versions the partition carries its newest activity (LeadUpdater completes it from the snapshot);
        // a change that starts the partition starts it, whoever wrote the change.
        var recent = change.Recent ?? (change.ETag is null ? RecentActivity.None.After(change) : null);

        // Until a person is a lead, their partition is versioned by its "waiting|{id}" row: keeping an event for
        // them and creating their lead both rewrite it, each checked against the read it was decided on, so
        // of an event kept and a lead created at the same time one conflicts and is decided again with the other.
        // It also holds the consent decided for the person before they are a lead: merged, so a write of
        // events alone keeps it.
        var (leadIndex, waitingIndex) = (-1, -1);
        if (
            change.Lead is null
                ? change.NewEvents.Count > 0 || consents.Count > 0
                : change.ETag is null or [WaitingVersion, ..]
        )
        {
            var waiting = new TableEntity(change.LeadId, LeadEntityMapper.WaitingRowKey(change.LeadId));
            if (change.Lead is null && change.WaitingConsent is { } state)
            {
                ConsentEntityMapper.WriteState(waiting, state);
            }

            if (change.Lead is null)
            {
                RecentActivityMapper.Write(waiting, recent);
            }

            waitingIndex = actions.Count;
            actions.Add(
                change.ETag is [WaitingVersion, .. var version]
                    ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, waiting, new ETag(version))
                    : new TableTransactionAction(TableTransactionActionType.Add, waiting)
            );
        }

        if (change.Lead is { } lead)
        {
            var leadRow = LeadEntityMapper.ToEntity(lead, change.Enrollments ?? []);
            RecentActivityMapper.Write(leadRow, recent);
            leadIndex = actions.Count;
            actions.Add(
                waitingIndex >= 0
                    ? new TableTransactionAction(TableTransactionActionType.Add, leadRow)
                    : new TableTransactionAction(
                        TableTransactionActionType.UpdateReplace,
                        leadRow,
                        new ETag(change.ETag!)
                    )
            );
        }

        if (change.Lead is { } created && waitingIndex >= 0)
        {
            // Before the lead, so that no lead is missing from the search by email.
            await emails.KeepAsync(created, cancellationToken);
        }

        // The storage client sends a request again when its answer was lost (a timeout, a dropped connection). When
        // the first attempt landed, the second fails on the rows it wrote: 409 on an Add, 412 on the lead's ETag. One
        // row of the save, its witness, carries the save's own id, so such a failure is told from a repeat or from
        // another writer.
        var witness = (TableEntity)actions[leadIndex >= 0 ? leadIndex : Math.Max(waitingIndex, 0)].Entity;
        var writeId = Guid.NewGuid().ToString("N");
        witness[LeadEntityMapper.WriteId] = writeId;
        try
        {
            ETag? etag;
            if (actions is [var only])
            {
                etag = (await WriteAsync(only, cancellationToken)).Headers.ETag;
            }
            else
            {
                var responses = (await tables.Leads.SubmitTransactionAsync(actions, cancellationToken)).Value;
                etag = leadIndex >= 0 && leadIndex < responses.Count ? responses[leadIndex].Headers.ETag : null;
            }

            return (SaveResult.Saved, leadIndex >= 0 ? etag?.ToString() : null);
        }
        catch (RequestFailedException ex)
            when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            if (await LandedAsync(witness, writeId, cancellationToken) is { } landed)
            {
                return (SaveResult.Saved, leadIndex >= 0 ? landed.ToString() : null);
            }

            // An entry or event that exists already means this change was applied before (a redelivered
            // message); a failure on the lead itself is another writer that got there first. A plain
            // write of one row fails on that row.
            var failed = ex is TableTransactionFailedException transaction
                ? transaction.FailedTransactionActionIndex
                : 0;
            return (
                ex.Status == (int)HttpStatusCode.Conflict
                && failed is { } index
                && index != leadIndex
                && index != waitingIndex
                    ? SaveResult.AlreadyApplied
                    : SaveResult.Conflict,
                null
            );
        }
    }

    /// <summary>The witness row's ETag when it holds this save's id: the save landed on an attempt whose answer was
    /// lost.</summary>
    private async Task<ETag?> LandedAsync(TableEntity witness, string writeId, CancellationToken cancellationToken)
    {
        var row = await tables.Leads.GetEntityIfExistsAsync<TableEntity>(
            witness.PartitionKey,
            witness.RowKey,
            [LeadEntityMapper.WriteId],
            cancellationToken
        );
        return row.HasValue && row.Value?.GetString(LeadEntityMapper.WriteId) == writeId ? row.Value.ETag : null;
    }

    /// <summary>
    /// A change of one row (a rescore, a cleared handoff mark) as a plain write: the same one request as a one-action
    /// transaction, without the batch envelope.
    /// </summary>
    private Task<Response> WriteAsync(TableTransactionAction action, CancellationToken cancellationToken) =>
        action.ActionType switch
        {
            TableTransactionActionType.Add => tables.Leads.AddEntityAsync(action.Entity, cancellationToken),
            TableTransactionActionType.UpdateMerge => tables.Leads.UpdateEntityAsync(
                action.Entity,
                action.ETag,
                TableUpdateMode.Merge,
                cancellationToken
            ),
            _ => tables.Leads.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
        };

    /// <summary>Every lead's own row, and no other.</summary>
    public static string LeadRowsFilter { get; } =
        TableClient.CreateQueryFilter($"RowKey ge {LeadEntityMapper.LeadRowPrefix} and RowKey lt {LeadRowsEnd}");

    public static bool IsLeadRow(ITableEntity row) => row.RowKey == LeadEntityMapper.LeadRowKey(row.PartitionKey);

    /// <summary>The engagement event rows ("e|…"), in any partition.</summary>
    private static string EventRows { get; } =
        TableClient.CreateQueryFilter($"RowKey ge {LeadEntityMapper.EventPrefix} and RowKey lt {EventPrefixEnd}");

    /// <summary>The rows a pass over the leads of a range reads: leads and events, not markers ("r|…"), timeline
    /// ("t|…") or waiting rows.</summary>
    public static string ScanFilter(LeadIdRange range) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {range.From} and PartitionKey lt {range.To}")
        + $" and (({EventRows}) or ({LeadRowsFilter}))";

    /// <summary>The rows that version a partition: the lead's, or before there is a lead the waiting row.</summary>
    private static string VersionRows(string leadId) =>
        TableClient.CreateQueryFilter(
            $"RowKey eq {LeadEntityMapper.LeadRowKey(leadId)} or RowKey eq {LeadEntityMapper.WaitingRowKey(leadId)}"
        );

    private static string InPartition(string leadId, string rows) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {leadId}") + $" and ({rows})";

    /// <summary>
    /// Lead and event rows grouped per partition, in key order (within a partition "e|…" sorts before
    /// "lead|…"). A partition whose rows went on past a page is read again version first
    /// (<see cref="LoadVersionFirstAsync"/>), and the rest of its rows in this pass are not kept. Each page's leads are
    /// written to the email index as well: those kept before it existed are found by search after one pass.
    /// </summary>
    public async IAsyncEnumerable<LeadSnapshot> ScanAsync(
        LeadIdRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        string? partition = null;
        var rows = new List<TableEntity>();
        var (spansPages, pageWentOn) = (false, false);
        await foreach (
            var page in tables
                .Leads.QueryAsync<TableEntity>(
                    ScanFilter(range),
                    maxPerPage: 1000,
                    cancellationToken: cancellationToken
                )
                .AsPages()
        )
        {
            // Leads kept before the email index existed join it on the first pass; for others it is the same upsert.
            await emails.KeepAsync(
                page.Values.Where(r => IsLeadRow(r) && r.GetString(LeadEntityMapper.EmailColumn) is { Length: > 0 })
                    .Select(r => (r.PartitionKey, r.GetString(LeadEntityMapper.EmailColumn)!)),
                cancellationToken
            );
            foreach (var entity in page.Values)
            {
                if (entity.PartitionKey != partition)
                {
                    if (partition is not null)
                    {
                        yield return await FinishAsync(partition, rows, spansPages, cancellationToken);
                    }

                    (partition, rows, spansPages) = (entity.PartitionKey, [], false);
                }
                else if (pageWentOn)
                {
                    // The partition began on an earlier page: its rows were not read together.
                    spansPages = true;
                }

                pageWentOn = false;
                if (!spansPages)
                {
                    rows.Add(entity);
                }
            }

            pageWentOn |= page.ContinuationToken is not null;
        }

        if (partition is not null)
        {
            yield return await FinishAsync(partition, rows, spansPages, cancellationToken);
        }
    }

    /// <summary>A partition the scan has passed: as read, or read again if it spanned pages.</summary>
    private async Task<LeadSnapshot> FinishAsync(
        string partition,
        List<TableEntity> rows,
        bool spansPages,
        CancellationToken cancellationToken
    ) => spansPages ? await LoadVersionFirstAsync(partition, cancellationToken) : ToSnapshot(partition, rows);

    /// <summary>
    /// A partition whose rows came in more than one page, read again with its version first. Read as it
    /// came, the version (on the last page) may already count an event written between two pages that the
    /// first page did not have (events are newest first); read first, any write after it makes a save
    /// against it conflict.
    /// </summary>
    private async Task<LeadSnapshot> LoadVersionFirstAsync(string leadId, CancellationToken cancellationToken)
    {
        var rows = await tables
            .Leads.QueryAsync<TableEntity>(
                InPartition(leadId, VersionRows(leadId)),
                cancellationToken: cancellationToken
            )
            .ToListAsync(cancellationToken);
        rows.AddRange(
            await tables
                .Leads.QueryAsync<TableEntity>(
                    InPartition(leadId, EventRows),
                    maxPerPage: 1000,
                    cancellationToken: cancellationToken
                )
                .ToListAsync(cancellationToken)
        );
        return ToSnapshot(leadId, rows);
    }

    private static LeadSnapshot ToSnapshot(string leadId, List<TableEntity> rows)
    {
        var leadRow = rows.Find(IsLeadRow);
        var waitingRow = rows.Find(r => r.RowKey == LeadEntityMapper.WaitingRowKey(leadId));
        var etag =
            leadRow is not null ? leadRow.ETag.ToString()
            : waitingRow is not null ? WaitingVersion + waitingRow.ETag.ToString()
            : null;
        var enrollments = leadRow is null ? [] : EnrollmentEntityMapper.Read(leadRow);
        var events = rows.Where(r => r != leadRow && r != waitingRow).Select(LeadEntityMapper.ToEvent).ToList();
        var waitingConsent = waitingRow is null
            ? null
            : ConsentEntityMapper.ReadState(waitingRow, DateTimeOffset.MinValue);
        var lead = leadRow is null ? null : LeadEntityMapper.ToLead(leadRow);
        var legacy = leadRow is null ? null : ConsentEntityMapper.LegacyRecord(leadRow, lead!);
        var recent = (leadRow ?? waitingRow) is { } version ? RecentActivityMapper.Read(version) : RecentActivity.None;
        return new LeadSnapshot(leadId, lead, etag, events, waitingConsent, legacy, enrollments, recent);
    }

    public async Task<bool> HasEntryAsync(string leadId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        var rowKey = LeadEntityMapper.RowKey(LeadEntityMapper.TimelinePrefix, entry.At, entry.Id);
        var response = await tables.Leads.GetEntityIfExistsAsync<TableEntity>(
            leadId,
            rowKey,
            select: ["RowKey"],
            cancellationToken: cancellationToken
        );
        return response.HasValue;
    }

    public async Task<int> EraseAsync(string leadId, CancellationToken cancellationToken)
    {
        var rows = await tables
            .Leads.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {leadId}"),
                select: ["PartitionKey", "RowKey"],
                cancellationToken: cancellationToken
            )
            .ToListAsync(cancellationToken);
        await TableRows.DeleteAsync(tables.Leads, rows, cancellationToken);
        return rows.Count;
    }

    public async Task<IReadOnlyList<ConsentRecord>> ReadConsentAsync(string leadId, CancellationToken cancellationToken)
    {
        var (from, to) = (ConsentEntityMapper.LedgerPrefix, ConsentEntityMapper.LedgerPrefixEnd);
        var leadRowKey = LeadEntityMapper.LeadRowKey(leadId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {leadId} and ((RowKey ge {from} and RowKey lt {to}) or RowKey eq {leadRowKey})"
        );
        var rows = await tables
            .Leads.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        var records = rows.Where(r => !IsLeadRow(r)).Select(ConsentEntityMapper.ToRecord).ToList();
        if (
            records.Count == 0
            && rows.Find(IsLeadRow) is { } leadRow
            && ConsentEntityMapper.LegacyRecord(leadRow, LeadEntityMapper.ToLead(leadRow)) is { } legacy
        )
        {
            records.Add(legacy);
        }

        return ConsentLedger.OldestFirst(records);
    }

    public async Task<IReadOnlyList<TimelineEntry>> ReadTimelineAsync(
        string leadId,
        int max,
        CancellationToken cancellationToken
    )
    {
        // Each prefix is newest-first in key order, so the newest `max` of each hold the newest `max` of both.
        var entries = await FirstAsync(
            leadId,
            LeadEntityMapper.TimelinePrefix,
            TimelinePrefixEnd,
            max,
            LeadEntityMapper.ToTimelineEntry,
            cancellationToken
        );
        var events = await FirstAsync(
            leadId,
            LeadEntityMapper.EventPrefix,
            EventPrefixEnd,
            max,
            LeadEntityMapper.ToEvent,
            cancellationToken
        );
        return [.. EventEntries.Merged(entries, events).Take(max)];
    }

    private const string EventPrefixEnd = "e}";

    /// <summary>Marks a snapshot ETag that is the "waiting" row's, not a lead's (an Azure ETag starts with W/ or
    /// ").</summary>
    private const char WaitingVersion = '~';

    private const string LeadRowsEnd = "lead}";
    private const string TimelinePrefixEnd = "t}";

    private async Task<List<T>> FirstAsync<T>(
        string leadId,
        string prefix,
        string end,
        int max,
        Func<TableEntity, T> map,
        CancellationToken cancellationToken
    )
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {leadId} and RowKey ge {prefix} and RowKey lt {end}"
        );
        var result = new List<T>();
        await foreach (
            var entity in tables.Leads.QueryAsync<TableEntity>(
                filter,
                maxPerPage: Math.Min(max, 1000),
                cancellationToken: cancellationToken
            )
        )
        {
            result.Add(map(entity));
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }
}
