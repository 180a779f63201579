using BenchmarkDotNet.Attributes;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Benchmarks;

/// <summary>The scoring engine alone, pure CPU: 1,000 varied leads with a few events each, per operation.</summary>
public class ScoringBenchmark
{
    public const int LeadsPerOperation = 1000;
    private static readonly string[] Titles =
    [
        "Genel Müdür",
        "IT Manager",
        "Satış Direktörü",
        "Software Engineer",
        "Stajyer",
        "VP Marketing",
        "Owner",
    ];
    private readonly LeadScorer scorer = new(DefaultScoringModel.Create());
    private readonly DateTimeOffset now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private (Lead Lead, LeadEnrichment Enrichment, EngagementEvent[] Events)[] leads = [];

    [GlobalSetup]
    public void Setup()
    {
        leads =
        [
            .. Enumerable
                .Range(0, LeadsPerOperation)
                .Select(i =>
                {
                    var lead = new Lead
                    {
                        Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Email = $"p{i}@acme.com",
                        JobTitle = Titles[i % Titles.Length],
                        Industry = i % 3 == 0 ? "Software" : "Retail",
                        CompanySize = i * 7 % 2000,
                        Source = "web",
                        CreatedAt = now,
                        UpdatedAt = now,
                        LastSubmittedAt = now,
                    };
                    var enrichment = new LeadEnrichment(
                        "acme.com",
                        i % 4 == 0,
                        false,
                        "acme.com",
                        null,
                        null,
                        i % 2 == 0 ? "TR" : "DE",
                        null
                    );
                    var events = Enumerable
                        .Range(0, i % 5)
                        .Select(n => new EngagementEvent
                        {
                            EventId = $"{i}-{n}",
                            LeadId = lead.Id,
                            Type = n % 2 == 0 ? EventTypes.PageView : EventTypes.ContentDownload,
                            OccurredAt = now.AddDays(-n * 3),
                            Source = "web",
                        })
                        .ToArray();
                    return (lead, enrichment, events);
                }),
        ];
    }

    [Benchmark(OperationsPerInvoke = LeadsPerOperation)]
    public int ScoreLeads()
    {
        var total = 0;
        foreach (var (lead, enrichment, events) in leads)
        {
            total += scorer.Score(lead, enrichment, events, now).Total;
        }

        return total;
    }
}
