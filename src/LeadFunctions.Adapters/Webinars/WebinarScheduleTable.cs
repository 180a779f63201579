using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>The WebinarSchedules table: a partition per platform, a row per webinar id with its title, times and time
/// zone, and whether its end was handed on ("Ended"). A handful of rows per webinar organizer, so the due ends are one
/// filtered query.</summary>
public sealed class WebinarScheduleTable(LeadTables tables) : IWebinarSchedules
{
    private const string Ended = "Ended";

    public Task KeepAsync(Webinar webinar, CancellationToken cancellationToken) =>
        tables.WebinarSchedules.UpsertEntityAsync(
            new TableEntity(webinar.Platform, webinar.Id)
            {
                ["Title"] = webinar.Title,
                ["StartsAt"] = webinar.StartsAt,
                ["EndsAt"] = webinar.EndsAt,
                ["TimeZone"] = webinar.TimeZone,
                [Ended] = false,
            },
            TableUpdateMode.Replace,
            cancellationToken
        );

    public Task ForgetAsync(Webinar webinar, CancellationToken cancellationToken) =>
        tables.WebinarSchedules.DeleteEntityAsync(webinar.Platform, webinar.Id, cancellationToken: cancellationToken);

    public async Task<Webinar?> FindAsync(Webinar webinar, CancellationToken cancellationToken)
    {
        var found = await tables.WebinarSchedules.GetEntityIfExistsAsync<TableEntity>(
            webinar.Platform,
            webinar.Id,
            cancellationToken: cancellationToken
        );
        return found.HasValue ? Read(found.Value!) : null;
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

    private static Webinar Read(TableEntity row) =>
        new(
            row.PartitionKey,
            row.RowKey,
            row.GetString("Title"),
            row.GetDateTimeOffset("StartsAt"),
            row.GetDateTimeOffset("EndsAt"),
            row.GetString("TimeZone")
        );
}
