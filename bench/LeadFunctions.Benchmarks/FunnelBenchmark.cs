using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Reports;
using LeadFunctions.Host;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// The funnel report reads the same rows however many leads there are: the FunnelCounts table of N leads is written as
/// the pipeline writes it (each lead's stage moves through the pipeline's FunnelSubscriber into the table counters),
/// N synthetic leads spread over 2025's months, eight sources and ten utm campaigns; then the real host answers GET
/// /api/reports/funnel by source, campaign and month, and its storage counter says how many FunnelCounts rows the three
/// calls read. Seeding 100,000 leads through intake and scoring would take this machine an hour and count the same
/// moves.
/// </summary>
internal static class FunnelBenchmark
{
    private const string Key = "bench-function-key";
    private const string Period = "from=2025-01&to=2025-12";
    private static readonly string[] Dimensions = ["source", "campaign", "month"];
    private static readonly string[] Sources =
    [
        "web",
        "fair",
        "webinar",
        "import",
        "referral",
        "linkedin",
        "partner",
        "event",
    ];
    private static readonly string[] Campaigns =
    [
        "kvkk-rehberi",
        "demo-talebi",
        "istanbul-fuari",
        "spring-launch",
        "webinar-serisi",
        "bayi-agi",
        "yeni-yil",
        "retargeting",
        "partner-q3",
        "newsletter",
    ];
    private static readonly string[] Reasons = ["Lost", "Cannot Contact", "No Longer Interested", "Canceled"];
    private static readonly DateTimeOffset Year = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(AzuriteProcess azurite, int fewer, int more)
    {
        var small = await ReportRowsAsync(azurite, fewer);
        var large = await ReportRowsAsync(azurite, more);
        var ratio = large.Rows / (double)small.Rows;
        Report.Figure(
            string.Create(
                CultureInfo.InvariantCulture,
                $"funnel report: rows read at {more:N0} leads ÷ at {fewer:N0} leads"
            ),
            ratio,
            string.Empty,
            "1 ± 0.1, every lead counted",
            Math.Abs(ratio - 1) <= 0.1 && small.Counted && large.Counted
        );
        Report.Note(small.Detail);
        Report.Note(large.Detail);
    }

    /// <summary>The FunnelCounts rows one report call per dimension read, over a table holding <paramref name="leads"/>
    /// leads' moves.</summary>
    private static async Task<(long Rows, bool Counted, string Detail)> ReportRowsAsync(
        AzuriteProcess azurite,
        int leads
    )
    {
        var prefix = "bf" + Guid.NewGuid().ToString("N")[..8];
        var (moves, seeding) = await SeedAsync(azurite, prefix, leads);
        await using var host = new HostProcess([.. azurite.HostSettings(prefix), $"--Host:FunctionKeys:default={Key}"]);
        await host.StartAsync();

        var (total, counted, perCall) = (0L, true, new List<string>());
        foreach (var by in Dimensions)
        {
            var before = await host.TableRowsReadAsync(prefix + TableNames.FunnelCounts);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/funnel?{Period}&by={by}");
            request.Headers.Add("x-functions-key", Key);
            using var response = await host.Client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var rows = await host.TableRowsReadAsync(prefix + TableNames.FunnelCounts) - before;
            var groups = report.RootElement.GetProperty("items").EnumerateArray().ToList();

            // Every lead entered the funnel as a subscriber (a lead passes through it): the counters hold all of them.
            counted &= groups.Sum(g => g.GetProperty("reached").GetProperty("subscriber").GetInt64()) == leads;
            total += rows;
            perCall.Add($"by={by} {rows} rows ({groups.Count} values)");
        }

        return (
            total,
            counted,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{leads:N0} leads, {moves:N0} stage moves counted in {seeding.TotalSeconds:0.0} s: {total} rows "
                    + $"read, {string.Join(", ", perCall)}{(counted ? string.Empty : "; the report did not count every lead")}"
            )
        );
    }

    /// <summary>
    /// Each lead's moves, through the pipeline's <see cref="FunnelSubscriber"/> into the host's counters; disposing the
    /// services commits the last ones.
    /// </summary>
    private static async Task<(int Moves, TimeSpan Took)> SeedAsync(AzuriteProcess azurite, string prefix, int leads)
    {
        var app = LeadFunctionsHost
            .CreateBuilder([
                .. azurite.HostSettings(prefix),
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Azure.Core=Error",
            ])
            .Build();
        var (random, moves, watch) = (new Random(leads), 0, Stopwatch.StartNew());
        try
        {
            await app.Services.GetRequiredService<LeadTables>().FunnelCounts.CreateIfNotExistsAsync();
            var funnel = new FunnelSubscriber(app.Services.GetRequiredService<IFunnelCounters>());
            for (var i = 0; i < leads; i++)
            {
                foreach (var (before, after) in Moves(i, random))
                {
                    await funnel.CountAsync(before, after, CancellationToken.None);
                    moves++;
                }
            }
        }
        finally
        {
            await app.DisposeAsync();
        }

        return (moves, watch.Elapsed);
    }

    /// <summary>
    /// A lead created on one of 2025's days, as a subscriber (one in five) or a lead, then down a funnel that narrows
    /// as real ones do (a subscriber becomes a lead, a third of leads MQLs, fewer SQLs, opportunities and customers;
    /// some disqualified on the way), each move up to twenty days after the one before; a move that would fall in 2026
    /// has not happened yet.
    /// </summary>
    private static IEnumerable<(Lead? Before, Lead After)> Moves(int i, Random random)
    {
        var created = Year.AddDays(random.Next(365)).AddMinutes(random.Next(24 * 60));
        var lead = new Lead
        {
            Id = i.ToString("x32", CultureInfo.InvariantCulture),
            Email = $"funnel-{i}@example.com",
            Source = Sources[random.Next(Sources.Length)],
            Stage = random.Next(5) == 0 ? LifecycleStage.Subscriber : LifecycleStage.Lead,
            SourceDetail =
                random.Next(Campaigns.Length + 1) is var c && c < Campaigns.Length
                    ? new Dictionary<string, string> { ["utm_campaign"] = Campaigns[c] }
                    : new Dictionary<string, string>(),
            CreatedAt = created,
            UpdatedAt = created,
            LastSubmittedAt = created,
        };
        yield return (null, lead);

        LifecycleStage[] funnel =
        [
            LifecycleStage.Lead,
            LifecycleStage.Mql,
            LifecycleStage.Sql,
            LifecycleStage.Opportunity,
            LifecycleStage.Customer,
        ];
        double[] onward = [0.6, 0.35, 0.5, 0.6, 0.4];
        for (var step = lead.Stage == LifecycleStage.Subscriber ? 0 : 1; step < funnel.Length; step++)
        {
            var at = lead.UpdatedAt.AddHours(1 + random.Next(20 * 24));
            if (at >= Year.AddYears(1))
            {
                yield break;
            }

            if (random.NextDouble() >= onward[step])
            {
                if (random.Next(4) == 0)
                {
                    yield return (
                        lead,
                        lead with
                        {
                            Stage = LifecycleStage.Disqualified,
                            DisqualifyReason = Reasons[random.Next(Reasons.Length)],
                            UpdatedAt = at,
                        }
                    );
                }

                yield break;
            }

            var next = lead with { Stage = funnel[step], UpdatedAt = at };
            yield return (lead, next);
            lead = next;
        }
    }
}
