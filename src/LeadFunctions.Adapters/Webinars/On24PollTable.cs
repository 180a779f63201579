using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// The ON24 poll's state in the On24Poll table: a partition per event id with a row per list ("registrants",
/// "attendees": when its last full read started) and an "ended" row once the end was handed on; the "client"
/// partition's "throttle" row holds when ON24 may be called again.
/// </summary>
public sealed class On24PollTable(LeadTables tables) : IOn24PollState
{
    private const string ReadStartedAt = "ReadStartedAt";
    private const string EndedRow = "ended";
    private const string ClientPartition = "client";
    private const string ThrottleRow = "throttle";

    public async Task<On24Watermarks> ReadAsync(string eventId, CancellationToken cancellationToken)
    {
        var marks = On24Watermarks.None;
        await foreach (
            var row in tables.On24Poll.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {eventId}"),
                cancellationToken: cancellationToken
            )
        )
        {
            marks = row.RowKey switch
            {
                EndedRow => marks with { Ended = true },
                _ when row.RowKey == RowOf(On24List.Registrants) => marks with
                {
                    Registrants = row.GetDateTimeOffset(ReadStartedAt),
                },
                _ when row.RowKey == RowOf(On24List.Attendees) => marks with
                {
                    Attendees = row.GetDateTimeOffset(ReadStartedAt),
                },
                _ => marks,
            };
        }

        return marks;
    }

    public Task AdvanceAsync(
        string eventId,
        On24List list,
        DateTimeOffset readStartedAt,
        CancellationToken cancellationToken
    ) =>
        tables.On24Poll.UpsertEntityAsync(
            new TableEntity(eventId, RowOf(list)) { [ReadStartedAt] = readStartedAt },
            TableUpdateMode.Replace,
            cancellationToken
        );

    public Task MarkEndedAsync(string eventId, DateTimeOffset endedAt, CancellationToken cancellationToken) =>
        tables.On24Poll.UpsertEntityAsync(
            new TableEntity(eventId, EndedRow) { ["EndedAt"] = endedAt },
            TableUpdateMode.Replace,
            cancellationToken
        );

    public async Task<On24Throttle> ReadThrottleAsync(CancellationToken cancellationToken)
    {
        var row = await tables.On24Poll.GetEntityIfExistsAsync<TableEntity>(
            ClientPartition,
            ThrottleRow,
            cancellationToken: cancellationToken
        );
        return row.HasValue && row.Value is { } throttle
            ? new On24Throttle(
                throttle.GetDateTimeOffset(nameof(On24Throttle.NotBefore)) ?? DateTimeOffset.MinValue,
                throttle.GetInt32(nameof(On24Throttle.Strikes)) ?? 0
            )
            : On24Throttle.None;
    }

    public Task SaveThrottleAsync(On24Throttle throttle, CancellationToken cancellationToken) =>
        tables.On24Poll.UpsertEntityAsync(
            new TableEntity(ClientPartition, ThrottleRow)
            {
                // A table stores dates from 1601 on.
                [nameof(On24Throttle.NotBefore)] =
                    throttle.NotBefore == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : throttle.NotBefore,
                [nameof(On24Throttle.Strikes)] = throttle.Strikes,
            },
            TableUpdateMode.Replace,
            cancellationToken
        );

    private static string RowOf(On24List list) => list == On24List.Registrants ? "registrants" : "attendees";
}
