using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// What the clients were told: every email answered 202, and every other answer by status. Checked
/// against the Leads table afterwards: each accepted lead stored exactly once, none lost.
/// </summary>
internal sealed class Ledger
{
    private readonly ConcurrentDictionary<string, byte> accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> answers = new(StringComparer.Ordinal);

    public int Accepted => accepted.Count;

    public IReadOnlyDictionary<string, int> Answers => answers;

    public async Task<bool> PostAsync(HttpClient client, string email)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email,
                    firstName = "Kemal",
                    company = "Acme",
                }
            );
            var key =
                response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null
                    ? "503+Retry-After"
                    : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            answers.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.TryAdd(email, 0);
                return true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            answers.AddOrUpdate("no answer", 1, (_, n) => n + 1);
        }

        return false;
    }

    /// <summary>Waits for the backlog to drain, then compares: (stored, lost, duplicated).</summary>
    public async Task<(int Stored, int Lost, int Duplicated)> VerifyAsync(
        TableClient leads,
        string emailPrefix,
        TimeSpan patience
    )
    {
        var filter = BenchStorage.LeadRowsByEmailPrefix(emailPrefix);
        var deadline = DateTime.UtcNow + patience;
        List<string> stored;
        do
        {
            await Task.Delay(1000);
            stored = await leads
                .QueryAsync<TableEntity>(filter, select: ["Email"])
                .Select(e => e.GetString("Email"))
                .ToListAsync();
        } while (accepted.Keys.Any(e => !stored.Contains(e)) && DateTime.UtcNow < deadline);

        var set = stored.ToHashSet(StringComparer.Ordinal);
        return (stored.Count, accepted.Keys.Count(e => !set.Contains(e)), stored.Count - set.Count);
    }
}
