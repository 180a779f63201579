using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.Caching.Memory;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// The WebinarSchedules table: a partition per platform, a row per webinar id with its title, times and time zone, and
/// whether its end was handed on ("Ended"). A handful of rows per webinar organizer, so the due ends are one filtered
/// query. A schedule read is kept in memory for <see cref="CachedFor"/> (a missing one too): a webinar's registrants
/// arrive in bursts, and a read per registrant halved the webhook's throughput. A change made through another host
/// shows here that much later.
/// </summary>
public sealed class WebinarScheduleTable(LeadTables tables, IMemoryCache cache) : IWebinarSchedules
{
    private const string Ended = "Ended";

    public static readonly TimeSpan CachedFor = TimeSpan.FromMinutes(1);

    public async Task KeepAsync(Webinar webinar, CancellationToken cancellationToken)
    {
        var row = new TableEntity(webinar.Platform, webinar.Id) { [Ended] = false };
        WebinarColumns.Write(row, webinar);
        await tables.WebinarSchedules.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        cache.Remove(Key(webinar));
    }

    public async Task ForgetAsync(Webinar webinar, CancellationToken cancellationToken)
    {
        await tables.WebinarSchedules.DeleteEntityAsync(
            webinar.Platform,
            webinar.Id,
            cancellationToken: cancellationToken
        );
        cache.Remove(Key(webinar));
    }

    public async Task<Webinar?> FindAsync(Webinar webinar, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue<Webinar?>(Key(webinar), out var cached))
        {
            return cached;
        }

        var found = await tables.WebinarSchedules.GetEntityIfExistsAsync<TableEntity>(
            webinar.Platform,
            webinar.Id,
            cancellationToken: cancellationToken
        );
        var kept = found.HasValue ? Read(found.Value!) : null;
        cache.Set(Key(webinar), kept, CachedFor);
        return kept;
    }

    public async Task<IReadOnlyList<Webinar>> EndedByAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rows = new List<Webinar>();
        await foreach (
            var row in tables.WebinarSchedules.QueryAsync<TableEntity>(
                TableClient.CreateQueryFilter($"Ended eq {false} and EndsAt le {at}"),
                cancellationToken: cancellationToken
            )
        )
        {
            rows.Add(Read(row));
        }

        return rows;
    }

    public Task MarkEndedAsync(Webinar webinar, CancellationToken cancellationToken) =>
        tables.WebinarSchedules.UpdateEntityAsync(
            new TableEntity(webinar.Platform, webinar.Id) { [Ended] = true },
            ETag.All,
            TableUpdateMode.Merge,
            cancellationToken
        );

    private static string Key(Webinar webinar) => $"webinar-schedule|{webinar.Platform}|{webinar.Id}";

    private static Webinar Read(TableEntity row) => WebinarColumns.Read(row, row.PartitionKey, row.RowKey);
}
