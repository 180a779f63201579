using System.Diagnostics;
using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Leads;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Host;
using LeadFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// The workspace's pages with many leads: N leads and 20 campaigns written through the store, then the real host
/// (its own process) answers the campaign list, a campaign's results, a lead search and a lead page, one at a time
/// after a warm-up, as a signed-in person asks for them. Each page's time is taken at the client on loopback (the
/// host's work plus one local HTTP exchange), against the same-run time of one raw point read of a lead row, the
/// least any page of a lead costs.
/// </summary>
internal static class UiBenchmark
{
    private const string Key = "bench-function-key";
    private const int Campaigns = 20;
    private const int Rounds = 200;
    private const double TargetMilliseconds = 50;

    public static async Task RunAsync(AzuriteProcess azurite, int leads)
    {
        var prefix = "bu" + Guid.NewGuid().ToString("N")[..8];
        var seeding = Stopwatch.StartNew();
        await SeedAsync(azurite, prefix, leads);
        Report.Note($"ui: seeded {leads:N0} leads and {Campaigns} campaigns in {seeding.Elapsed.TotalSeconds:0} s");

        await using var host = new HostProcess([
            .. azurite.HostSettings(prefix),
            $"--Host:FunctionKeys:default={Key}",
            "--AzureWebJobs.DispatchNurtureSends.Disabled=true",
        ]);
        await host.StartAsync();
        using var person = WorkspaceForms.Client(host.Client.BaseAddress!);
        await WorkspaceForms.SignInAsync(person, Key);
        var lead = LeadId.FromEmail(Email(leads / 2));
        var leadsTable = BenchStorage.LeadsTable(azurite, prefix);
        var raw = await TimeAsync(() =>
            leadsTable.GetEntityAsync<TableEntity>(lead, LeadEntityMapper.LeadRowKey(lead))
        );
        // What one query of a single partition costs here: Azurite scans the whole table for it (Azure Table storage
        // goes to the partition), so a page that queries the lead's partition pays that, not the point read.
        var partition = await TimeAsync(async () =>
        {
            await foreach (
                var _ in leadsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {lead}"))
            ) { }
        });
        Report.Note(
            string.Create(
                CultureInfo.InvariantCulture,
                $"ui: raw point read of a lead row p95 {raw:0.00} ms; raw query of its partition p95 {partition:0.00} ms"
            )
        );
        (string Name, string Path)[] pages =
        [
            ("campaign list", "/api/app/campaigns"),
            ("campaign results", "/api/app/campaigns/c-07"),
            ("lead search", $"/api/app/leads?q={Uri.EscapeDataString(Email(leads / 2)[..12])}"),
            ("lead page", $"/api/app/leads/{lead}"),
        ];
        foreach (var (name, path) in pages)
        {
            var p95 = await TimeAsync(async () =>
            {
                using var response = await person.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                }

                await response.Content.ReadAsByteArrayAsync();
            });
            Report.Figure(
                string.Create(CultureInfo.InvariantCulture, $"ui: {name} with {leads:N0} leads, time p95"),
                p95,
                " ms",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"≤ {TargetMilliseconds} ms; {p95 / raw:0.0} × a raw point read, {p95 / partition:0.0} × a partition query"
                ),
                p95 <= TargetMilliseconds
            );
        }
    }

    private static string Email(int i) => $"kisi{i:D6}@firma{i % 500}.com.tr";

    /// <summary>p95 in milliseconds of <see cref="Rounds"/> calls, one at a time, after 20 not counted.</summary>
    private static async Task<double> TimeAsync(Func<Task> call)
    {
        for (var i = 0; i < 20; i++)
        {
            await call();
        }

        var times = new List<double>(Rounds);
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Load.Percentile(times, 95);
    }

    private static async Task SeedAsync(AzuriteProcess azurite, string prefix, int leads)
    {
        var builder = LeadFunctionsHost.CreateBuilder([
            .. azurite.HostSettings(prefix),
            "--Logging:LogLevel:Default=Warning",
        ]);
        await using var app = builder.Build();
        foreach (var table in app.Services.GetRequiredService<Adapters.Storage.LeadTables>().All)
        {
            await table.CreateIfNotExistsAsync();
        }

        var store = app.Services.GetRequiredService<ILeadStore>();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, leads),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) =>
            {
                var email = Email(i);
                var lead = new Lead
                {
                    Id = LeadId.FromEmail(email),
                    Email = email,
                    FirstName = "Deniz",
                    LastName = "Yıldız",
                    Company = $"Firma {i % 500} A.Ş.",
                    Source = (i % 3) switch
                    {
                        0 => "web",
                        1 => "fair",
                        _ => "webinar",
                    },
                    Stage = LifecycleStage.Lead,
                    Score = new LeadScore(i % 60, i % 40),
                    CreatedAt = now,
                    UpdatedAt = now,
                    LastSubmittedAt = now,
                };
                await store.SaveAsync(LeadChange.Engaged(lead, null, []), ct);
            }
        );
        // The addresses folded into the email index's runs, as the compaction timer does every minute.
        var index = app.Services.GetRequiredService<ILeadEmailIndex>();
        while (await index.CompactAsync(50_000, CancellationToken.None) > 0) { }

        var campaigns = app.Services.GetRequiredService<ICampaignStore>();
        for (var c = 1; c <= Campaigns; c++)
        {
            await campaigns.PutAsync(
                new Campaign
                {
                    Id = $"c-{c:D2}",
                    Name = $"Kampanya {c}",
                    Active = c % 4 != 0,
                    Steps =
                    [
                        new CampaignStep
                        {
                            Id = "welcome",
                            Content = new StepContent("Merhaba", "<p>Merhaba</p>", "Merhaba"),
                        },
                        new CampaignStep
                        {
                            Id = "follow-up",
                            Delay = TimeSpan.FromDays(2),
                            Content = new StepContent("Bir hikâye", "<p>Hikâye</p>", "Hikâye"),
                        },
                    ],
                    UpdatedAt = now,
                },
                CancellationToken.None
            );
        }
    }
}
