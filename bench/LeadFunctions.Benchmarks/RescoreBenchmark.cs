using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Leads;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Host;
using LeadFunctions.Host.Configuration;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Rescoring every lead from its events, against the least any rescoring must do: scan the same rows
/// and write every lead row back, with the same parallelism. Both go through the parts of a pass as one
/// host takes them from lead-rescore: a queue batch (host.json batchSize) at a time.
/// </summary>
internal static class RescoreBenchmark
{
    public static async Task RunAsync(AzuriteProcess azurite, int leads)
    {
        var prefix = "br" + Guid.NewGuid().ToString("N")[..8];
        var builder = LeadFunctionsHost.CreateBuilder([
            .. azurite.HostSettings(prefix),
            "--Logging:LogLevel:Default=Warning",
            "--Nurture:PostalAddress=Bench, İstanbul",
        ]);
        await using var app = builder.Build();
        var queueBatch = app.Services.GetRequiredService<IOptions<QueuesOptions>>().Value.BatchSize;
        var tables = app.Services.GetRequiredService<LeadTables>();
        foreach (var table in tables.All)
        {
            await table.CreateIfNotExistsAsync();
        }

        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services.GetRequiredService<ILeadStore>(), leads);
        Report.Note($"seeded {leads} leads with 2 events each in {seeding.Elapsed.TotalSeconds:0} s");

        // The baseline runs before and after the pass and the two are averaged, so that the emulator
        // getting slower (or faster) as it works cannot favour either side.
        var rawBefore = await RawPassAsync(tables.Leads, queueBatch);
        var rescoring = Stopwatch.StartNew();
        var rescorer = app.Services.GetRequiredService<LeadRescorer>();
        var (scanned, changed) = (0, 0);
        await Parallel.ForEachAsync(
            RescorePart.Plan(DateTimeOffset.UtcNow),
            new ParallelOptions { MaxDegreeOfParallelism = queueBatch },
            async (part, ct) =>
            {
                var summary = await rescorer.RescoreAsync(part, ct);
                Interlocked.Add(ref scanned, summary.Scanned);
                Interlocked.Add(ref changed, summary.Changed);
            }
        );
        rescoring.Stop();
        var rawAfter = await RawPassAsync(tables.Leads, queueBatch);

        var raw = (rawBefore + rawAfter) / 2;
        var ratio = raw / rescoring.Elapsed;
        Report.Figure(
            $"rescoring {leads} leads ÷ raw scan + write of the same rows",
            ratio,
            string.Empty,
            "≥ 0.7",
            ratio >= 0.7 && changed == leads
        );
        Report.Note(
            $"rescoring {rescoring.Elapsed.TotalSeconds:0.0} s ({changed} of {scanned} changed), raw "
                + $"{rawBefore.TotalSeconds:0.0} s before and {rawAfter.TotalSeconds:0.0} s after"
        );
    }

    /// <summary>The least any rescoring must do: scan the rows a pass reads and write every lead row back, with the
    /// same parallelism.</summary>
    private static async Task<TimeSpan> RawPassAsync(TableClient leads, int queueBatch)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            LeadIdRange.ByFirstTwoDigits,
            new ParallelOptions { MaxDegreeOfParallelism = queueBatch },
            async (range, _) => await RawPartAsync(leads, range)
        );
        return watch.Elapsed;
    }

    private static Task RawPartAsync(TableClient leads, LeadIdRange range) =>
        Parallel.ForEachAsync(
            leads.QueryAsync<TableEntity>(LeadTableStore.ScanFilter(range), maxPerPage: 1000),
            new ParallelOptions { MaxDegreeOfParallelism = LeadRescorer.Parallelism },
            async (row, ct) =>
            {
                if (LeadTableStore.IsLeadRow(row))
                {
                    await leads.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                }
            }
        );

    /// <summary>
    /// Leads as an earlier pass left them (fit and grade current) with two events from ten days ago not
    /// yet counted: rescoring changes every lead's engagement score, the nightly shape of the work.
    /// </summary>
    private static Task SeedAsync(ILeadStore store, int leads)
    {
        var scorer = new LeadScorer(DefaultScoringModel.Create());
        return Parallel.ForEachAsync(
            Enumerable.Range(0, leads),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) =>
            {
                var now = DateTimeOffset.UtcNow;
                var email = $"seed-{i}@acme{i % 100}.com";
                var id = LeadId.FromEmail(email);
                var lead = new Lead
                {
                    Id = id,
                    Email = email,
                    FirstName = "Deniz",
                    JobTitle = "IT Manager",
                    Source = "import",
                    Stage = LifecycleStage.Lead,
                    CreatedAt = now,
                    UpdatedAt = now,
                    LastSubmittedAt = now,
                };
                var fit = scorer.Score(lead, null, [], now);
                lead = lead with { Score = new LeadScore(fit.Fit, 0), Grade = fit.Grade };
                EngagementEvent Event(string type, int n) =>
                    new()
                    {
                        EventId = $"seed-{i}-{n}",
                        LeadId = id,
                        Type = type,
                        OccurredAt = now.AddDays(-10),
                        Source = "web",
                    };
                await store.SaveAsync(
                    LeadChange.Engaged(
                        lead,
                        null,
                        [],
                        Event(EventTypes.ContentDownload, 1),
                        Event(EventTypes.PageView, 2)
                    ),
                    ct
                );
            }
        );
    }
}
