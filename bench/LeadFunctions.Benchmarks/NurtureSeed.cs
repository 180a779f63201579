using System.Diagnostics;
using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Host;
using LeadFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Campaigns and enrolled leads written straight into storage through the product's own stores (the host
/// not running), as the enrollment functions leave them: a lead with email consent granted, its enrollment
/// row in the lead's partition (one transaction per lead), and the step's due index entry, written first.
/// </summary>
internal sealed class NurtureSeed(WebApplication app) : IAsyncDisposable
{
    private const int Parallelism = 32;
    private readonly ILeadStore leads = app.Services.GetRequiredService<ILeadStore>();
    private readonly IDueSendIndex index = app.Services.GetRequiredService<IDueSendIndex>();

    /// <summary>The stores of a host started with --Storage:NamePrefix=<paramref name="prefix"/>, its tables
    /// created.</summary>
    public static async Task<NurtureSeed> OpenAsync(AzuriteProcess azurite, string prefix)
    {
        var app = LeadFunctionsHost
            .CreateBuilder([
                .. azurite.HostSettings(prefix),
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Azure.Core=Error",
            ])
            .Build();
        foreach (var table in app.Services.GetRequiredService<LeadTables>().All)
        {
            await table.CreateIfNotExistsAsync();
        }

        return new NurtureSeed(app);
    }

    public ILeadStore Leads => leads;

    public Task PutAsync(Campaign campaign) =>
        app.Services.GetRequiredService<ICampaignStore>().PutAsync(campaign, CancellationToken.None);

    /// <summary>
    /// A drip whose steps follow one another by <paramref name="delays"/>, Turkish with an English translation,
    /// naming the lead and the sender as real campaigns do, sending at any hour (no window) so that every due
    /// step goes when due.
    /// </summary>
    public static Campaign Drip(string id, params TimeSpan[] delays) =>
        new()
        {
            Id = id,
            Name = "Fuar sonrası takip",
            Steps =
            [
                .. delays.Select(
                    (delay, n) =>
                        new CampaignStep
                        {
                            Id = $"step-{n + 1}",
                            Delay = delay,
                            Content = new StepContent(
                                $"{{{{ lead.firstName }}}}, fuardan sonra {n + 1}. not",
                                $"<p>Merhaba {{{{ lead.firstName }}}},</p><p>{{{{ lead.company }}}} için "
                                    + $"hazırladığımız {n + 1}. notumuz ektedir.</p><p>{{{{ sender.name }}}}</p>",
                                $"Merhaba {{{{ lead.firstName }}}},\n{{{{ lead.company }}}} için hazırladığımız "
                                    + $"{n + 1}. notumuz.\n{{{{ sender.name }}}}"
                            ),
                            Translations = new Dictionary<string, StepContent>
                            {
                                [Languages.English] = new(
                                    $"{{{{ lead.firstName }}}}, note {n + 1} after the fair",
                                    $"<p>Hello {{{{ lead.firstName }}}},</p><p>Our note {n + 1} for {{{{ "
                                        + $"lead.company }}}}.</p><p>{{{{ sender.name }}}}</p>",
                                    $"Hello {{{{ lead.firstName }}}},\nOur note {n + 1} for {{{{ lead.company "
                                        + $"}}}}.\n{{{{ sender.name }}}}"
                                ),
                            },
                        }
                ),
            ],
            UpdatedAt = DateTimeOffset.UtcNow,
        };

    /// <summary>
    /// Leads "{run}-{i}@…" each enrolled in every one of <paramref name="campaigns"/>, the first step of the k-th due
    /// at
    /// <paramref name="dueAt"/>(i, k): the index entries first (a transaction per 100 of one minute), then each lead
    /// with its enrollments (a transaction per lead). Returns the due sends.
    /// </summary>
    public async Task<IReadOnlyList<DueSend>> EnrollAsync(
        IReadOnlyList<Campaign> campaigns,
        string run,
        int from,
        int count,
        Func<int, int, DateTimeOffset> dueAt
    )
    {
        var people = Enumerable
            .Range(from, count)
            .Select(i => (Index: i, Email: $"{run}-{i}@acme{i % 50}.com"))
            .ToList();
        var sends = people
            .SelectMany(p =>
                campaigns.Select(
                    (c, k) => new DueSend(LeadId.FromEmail(p.Email), c.Id, c.Steps[0].Id, dueAt(p.Index, k))
                )
            )
            .ToList();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            sends.GroupBy(s => DueSendTableIndex.Bucket(s.DueAt)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (bucket, ct) => await index.AddAsync([.. bucket], ct)
        );
        var indexed = watch.Elapsed;
        var byLead = sends.ToLookup(s => s.LeadId, StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            people,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (p, ct) =>
            {
                var lead = Lead(p.Index, p.Email);
                var enrollments = byLead[lead.Id]
                    .Select(s => new Enrollment
                    {
                        CampaignId = s.CampaignId,
                        EnrolledAt = s.DueAt - campaigns.Single(c => c.Id == s.CampaignId).Steps[0].Delay,
                        Reason = "source:fair",
                        NextStepId = s.StepId,
                        NextDueAt = s.DueAt,
                    })
                    .ToList();
                var saved = await leads.SaveAsync(
                    LeadChange.Updated(lead, null) with
                    {
                        Enrollments = enrollments,
                    },
                    ct
                );

                // A transaction that timed out under the seeding's load and was retried by the storage client meets its
                // own rows.
                if (saved == SaveResult.Conflict && await leads.FindAsync(lead.Id, ct) is not null)
                {
                    return;
                }

                if (saved != SaveResult.Saved)
                {
                    throw new InvalidOperationException($"Seeding lead {p.Index} answered {saved}.");
                }
            }
        );
        var saving = watch.Elapsed - indexed;
        Report.Note(
            $"seeded {sends.Count} enrollments of {count} leads in {campaigns.Count} campaign(s): index entries in "
                + $"{indexed.TotalSeconds:0.0} s, leads with their enrollments in {saving.TotalSeconds:0.0} s "
                + $"({count / saving.TotalSeconds:0} leads/s)"
        );
        return sends;
    }

    /// <summary>Half Turkish (a +90 mobile), half American (a +1 number): both languages and two time zones.</summary>
    private static Lead Lead(int i, string email)
    {
        var now = DateTimeOffset.UtcNow;
        var turkish = i % 2 == 0;
        return new Lead
        {
            Id = LeadId.FromEmail(email),
            Email = email,
            FirstName = turkish ? "Şule" : "Jane",
            LastName = turkish ? "Çağlar" : "Doe",
            Company = turkish ? "Acme A.Ş." : "Acme Inc.",
            JobTitle = "IT Manager",
            Country = turkish ? "TR" : "US",
            Phone = turkish ? "+905321234567" : "+12125550100",
            Language = turkish ? Languages.Turkish : Languages.English,
            Source = "fair",
            Stage = LifecycleStage.Lead,
            Consent = ConsentState.Empty.With(
                ConsentChannel.Email,
                new ChannelConsent(ConsentStatus.Granted, now.AddDays(-3))
            ),
            CreatedAt = now.AddDays(-3),
            UpdatedAt = now,
            LastSubmittedAt = now.AddDays(-3),
        };
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
