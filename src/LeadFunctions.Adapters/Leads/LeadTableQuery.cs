using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Leads;

/// <summary>
/// Lists lead rows with server-side filters, every value passed through TableClient.CreateQueryFilter.
/// The continuation token is the SDK's, base64url-encoded so it is opaque to callers.
/// </summary>
public sealed class LeadTableQuery(LeadTables tables) : ILeadQuery
{
    public async Task<LeadPage> ListAsync(
        LeadFilter filter,
        string? continuationToken,
        int pageSize,
        CancellationToken cancellationToken
    )
    {
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
