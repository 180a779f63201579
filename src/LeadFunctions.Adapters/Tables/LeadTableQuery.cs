using Azure;
using Azure.Data.Tables;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Tables;

/// <summary>
/// Lists lead rows with server-side filters, every value passed through TableClient.CreateQueryFilter.
/// The continuation token is the SDK's, base64url-encoded so it is opaque to callers.
/// </summary>
public sealed class LeadTableQuery(LeadTables tables) : ILeadQuery
{
    public async Task<LeadPage> ListAsync(LeadFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = tables.Leads.QueryAsync<TableEntity>(Filter(filter), maxPerPage: pageSize, cancellationToken: cancellationToken);
        try
        {
            await foreach (var page in query.AsPages(ContinuationTokens.Decode(continuationToken), pageSize))
            {
                return new LeadPage([.. page.Values.Select(LeadEntityMapper.ToLead)], ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400)
        {
            // A token that decodes but that storage does not know as one of its own.
            throw new FormatException("Not a continuation token.", ex);
        }

        return new LeadPage([], null);
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
