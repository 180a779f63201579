using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// The WebinarRegistrations table: a partition per webinar (<c>{platform}|{webinar id}</c>), a row per lead id, each
/// event's fields merged in (docs/storage.md).
/// </summary>
public sealed class RegistrationTable(LeadTables tables) : IWebinarRegistrations
{
    /// <summary>The most rows a table query page holds.</summary>
    private const int PageSize = 1000;

    /// <summary>A transaction per 100 rows of a webinar (a row once: two updates of one registration merged
    /// first).</summary>
    public async Task RecordAsync(IReadOnlyList<Registration> updates, CancellationToken cancellationToken)
    {
        var rows = updates
            .GroupBy(u => (PartitionOf(u.Webinar), u.LeadId))
            .Select(same => RowOf(same.Aggregate((a, b) => a.With(b))));
        foreach (var chunk in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)))
        {
            await tables.WebinarRegistrations.SubmitTransactionAsync(
                chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertMerge, row)),
                cancellationToken
            );
        }
    }

    public async Task<(IReadOnlyList<Registration> Page, string? Next)> ReadPageAsync(
        Webinar webinar,
        string? continuationToken,
        CancellationToken cancellationToken
    )
    {
        var query = tables.WebinarRegistrations.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(webinar)}"),
            maxPerPage: PageSize,
            cancellationToken: cancellationToken
        );
        var page = await ContinuationTokens.PageAsync(query, continuationToken, PageSize);
        return page is null
            ? ([], null)
            : (
                [.. page.Values.Select(row => FromRow(webinar, row))],
                ContinuationTokens.Encode(page.ContinuationToken)
            );
    }

    /// <summary>Platform names have no '|' (<see cref="Webinar.PlatformNamed"/>), nor do webinar ids.</summary>
    public static string PartitionOf(Webinar webinar) => $"{webinar.Platform}|{webinar.Id}";

    private static TableEntity RowOf(Registration update)
    {
        var row = new TableEntity(PartitionOf(update.Webinar), update.LeadId);

        // Only what the update says: the merge leaves the row's other fields as they were.
        WebinarColumns.Write(row, update.Webinar);
        WebinarColumns.Put(row, "RegisteredAt", update.RegisteredAt);
        WebinarColumns.Put(row, "JoinUrl", update.JoinUrl);
        WebinarColumns.Put(row, "AttendedAt", update.AttendedAt);
        WebinarColumns.Put(row, "Minutes", update.Minutes);
        WebinarColumns.Put(row, "MissedAt", update.MissedAt);
        return row;
    }

    private static Registration FromRow(Webinar webinar, TableEntity row) =>
        new(
            WebinarColumns.Read(row, webinar.Platform, webinar.Id),
            row.RowKey,
            row.GetDateTimeOffset("RegisteredAt"),
            row.GetString("JoinUrl"),
            row.GetDateTimeOffset("AttendedAt"),
            row.GetInt32("Minutes"),
            row.GetDateTimeOffset("MissedAt")
        );
}
