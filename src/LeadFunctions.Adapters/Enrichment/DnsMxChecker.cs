using System.Net.Sockets;
using DnsClient;
using LeadFunctions.Core.Enrichment;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters.Enrichment;

/// <summary>
/// MX lookups with a short timeout, cached for an hour per domain. Without a network (or on any DNS
/// failure) the answer is "unknown", never an error: enrichment must not stop a lead.
/// </summary>
public sealed class DnsMxChecker(IMemoryCache cache, IOptions<EnrichmentOptions> options) : IMxChecker
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private readonly LookupClient client = new(
        new LookupClientOptions
        {
            Timeout = options.Value.MxTimeout,
            Retries = 1,
            ThrowDnsErrors = false,
            UseCache = false,
        }
    );

    public async Task<bool?> HasMxAsync(string domain, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue<bool?>(domain, out var known))
        {
            return known;
        }

        bool? found;
        try
        {
            var response = await client.QueryAsync(domain, QueryType.MX, cancellationToken: cancellationToken);
            found = response.HasError
                ? (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain ? false : null)
                : response.Answers.MxRecords().Any();
        }
        catch (Exception ex)
            when (ex is DnsResponseException or SocketException or OperationCanceledException
                && !cancellationToken.IsCancellationRequested
            )
        {
            found = null;
        }

        // "Unknown" is kept briefly: the network may be back soon.
        cache.Set(domain, found, found is null ? TimeSpan.FromMinutes(5) : CacheFor);
        return found;
    }
}
