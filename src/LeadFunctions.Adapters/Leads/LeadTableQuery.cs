using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Leads;

/// <summary>
/// Lists lead rows with server-side filters, every value passed through TableClient.CreateQueryFilter. A search by an
/// address's beginning reads the email index instead (<see cref="LeadEmailIndex"/>, in address order) and then each
/// lead it names with a point read, the rest of the filter applied to those. The continuation token is the SDK's,
/// base64url-encoded so it is opaque to callers.
/// </summary>
public sealed class LeadTableQuery(LeadTables tables, LeadEmailIndex emails) : ILeadQuery
{
    public async Task<LeadPage> ListAsync(
        LeadFilter filter,
        string? continuationToken,
        int pageSize,
        CancellationToken cancellationToken
    )
    {
        if (filter.EmailPrefix is { Length: > 0 } prefix)
        {
            return await ByEmailAsync(filter, prefix, continuationToken, pageSize, cancellationToken);
        }

        var query = tables.Leads.QueryAsync<TableEntity>(
            Filter(filter),
            maxPerPage: pageSize,
            cancellationToken: cancellationToken
        );
        if (await ContinuationTokens.PageAsync(query, continuationToken, pageSize) is not { } page)
        {
            return new LeadPage([], null);
        }

        var next = ContinuationTokens.Encode(page.ContinuationToken);
        return new LeadPage([.. page.Values.Select(LeadEntityMapper.ToLead)], next);
    }

    /// <summary>A page of the index's addresses that begin with the prefix, as leads that match the filter; an address
    /// whose lead is not (or no longer) written is passed over.</summary>
    private async Task<LeadPage> ByEmailAsync(
        LeadFilter filter,
        string prefix,
        string? continuationToken,
        int pageSize,
        CancellationToken cancellationToken
    )
    {
        var (ids, next) = await emails.FindAsync(prefix, continuationToken, pageSize, cancellationToken);
        var rows = await Task.WhenAll(
            ids.Select(id =>
                tables.Leads.GetEntityIfExistsAsync<TableEntity>(
                    id,
                    LeadEntityMapper.LeadRowKey(id),
                    cancellationToken: cancellationToken
                )
            )
        );
        var leads = rows.Where(r => r.HasValue)
            .Select(r => LeadEntityMapper.ToLead(r.Value!))
            .Where(filter.Matches)
            .ToList();
        return new LeadPage(leads, next);
    }

    /// <summary>The OData filter for the lead rows a <see cref="LeadFilter"/> selects.</summary>
    public static string Filter(LeadFilter filter)
    {
        var parts = new List<string> { LeadTableStore.LeadRowsFilter };
        if (filter.Stage is { } stage)
        {
            parts.Add(TableClient.CreateQueryFilter($"Stage eq {stage.ToApiName()}"));
        }

        if (filter.Source is { } source)
        {
            parts.Add(TableClient.CreateQueryFilter($"Source eq {source}"));
        }

        if (filter.MinScore is { } minScore)
        {
            parts.Add(TableClient.CreateQueryFilter($"TotalScore ge {minScore}"));
        }

        if (filter.Temperature is { } temperature)
        {
            parts.Add(TableClient.CreateQueryFilter($"Temperature eq {temperature.ToApiName()}"));
        }

        if (filter.EmailPrefix is { } prefix)
        {
            parts.Add(TableClient.CreateQueryFilter($"Email ge {prefix} and Email lt {prefix + char.MaxValue}"));
        }

        return string.Join(" and ", parts);
    }
}
