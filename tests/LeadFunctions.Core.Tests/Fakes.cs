using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Tests;

/// <summary>Enrichment from the email alone: a business domain unless it is gmail.com.</summary>
internal sealed class DomainOnlyEnricher : ILeadEnricher
{
    public ValueTask<LeadEnrichment> EnrichAsync(
        string normalizedEmail,
        string? phone,
        string? country,
        CancellationToken cancellationToken
    )
    {
        var domain = EmailAddress.Domain(normalizedEmail);
        var free = domain == "gmail.com";
        return ValueTask.FromResult(
            new LeadEnrichment(domain, free, false, free ? null : domain, null, null, country, null)
        );
    }
}

internal sealed class InMemoryScoringModelStore : IScoringModelStore
{
    public ScoringModel? Model { get; set; }

    public Task<ScoringModel?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Model);

    public Task SaveAsync(ScoringModel model, CancellationToken cancellationToken)
    {
        Model = model;
        return Task.CompletedTask;
    }
}

internal sealed class RecordingHandoffQueue : ISalesHandoffQueue
{
    public List<SalesHandoff> Sent { get; } = [];

    public Task EnqueueAsync(SalesHandoff handoff, CancellationToken cancellationToken)
    {
        Sent.Add(handoff);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingConsentChangeLog : IConsentChangeLog
{
    public List<ConsentChange> Changes { get; } = [];

    public Task AppendAsync(
        string normalizedEmail,
        ConsentRecord record,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken
    )
    {
        Changes.RemoveAll(c => c.Email == normalizedEmail && c.Record.Id == record.Id);
        Changes.Add(new ConsentChange(normalizedEmail, record, recordedAt));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ConsentChange> ReadAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await Task.Yield();
        foreach (var change in Changes.Where(c => c.RecordedAt >= since && c.RecordedAt < until))
        {
            yield return change;
        }
    }
}

internal sealed class RecordingConfirmationQueue : IConsentConfirmationQueue
{
    public List<ConfirmationRequest> Requests { get; } = [];

    public Task EnqueueAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.CompletedTask;
    }
}

internal sealed class InMemorySuppressionList : ISuppressionList
{
    public Dictionary<string, Suppression> Entries { get; } = [];

    public Task SuppressAsync(
        string normalizedEmail,
        SuppressionReason reason,
        DateTimeOffset at,
        string? evidence,
        CancellationToken cancellationToken
    )
    {
        Entries[SuppressionKey.For(normalizedEmail)] = new Suppression(
            SuppressionKey.For(normalizedEmail),
            reason,
            at,
            evidence
        );
        return Task.CompletedTask;
    }

    public Task<bool> IsSuppressedAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.ContainsKey(SuppressionKey.For(normalizedEmail)));

    public Task<SuppressionPage> ListAsync(
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken
    ) => Task.FromResult(new SuppressionPage([.. Entries.Values], null));

    public Task<bool> LiftAsync(string hash, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.Remove(hash));
}

internal sealed class RecordingEmailSender : LeadFunctions.Core.Email.IEmailSender
{
    public List<LeadFunctions.Core.Email.OutgoingEmail> Sent { get; } = [];

    public Task<LeadFunctions.Core.Email.EmailSendResult> SendAsync(
        LeadFunctions.Core.Email.OutgoingEmail email,
        CancellationToken cancellationToken
    )
    {
        Sent.Add(email);
        return Task.FromResult(new LeadFunctions.Core.Email.EmailSendResult($"msg-{Sent.Count}"));
    }
}

/// <summary>Campaigns a test sets, as the cached catalog would serve them and as the store keeps them.</summary>
internal sealed class InMemoryCampaignCatalog
    : LeadFunctions.Core.Campaigns.ICampaignCatalog,
        LeadFunctions.Core.Campaigns.ICampaignStore
{
    public List<LeadFunctions.Core.Campaigns.Campaign> Campaigns { get; } = [];

    /// <summary>How many times a writer said the campaigns changed.</summary>
    public int Invalidations { get; private set; }

    public void Invalidate() => Invalidations++;

    public Task<LeadFunctions.Core.Campaigns.Campaign?> GetAsync(
        string campaignId,
        CancellationToken cancellationToken
    ) => Task.FromResult(Campaigns.Find(c => c.Id == campaignId));

    public Task<bool> PutAsync(LeadFunctions.Core.Campaigns.Campaign campaign, CancellationToken cancellationToken)
    {
        var created = Campaigns.RemoveAll(c => c.Id == campaign.Id) == 0;
        Campaigns.Add(campaign);
        return Task.FromResult(created);
    }

    public Task<IReadOnlyList<LeadFunctions.Core.Campaigns.Campaign>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LeadFunctions.Core.Campaigns.Campaign>>([.. Campaigns]);

    public ValueTask<IReadOnlyList<LeadFunctions.Core.Campaigns.Campaign>> ActiveAsync(
        CancellationToken cancellationToken
    ) =>
        ValueTask.FromResult<IReadOnlyList<LeadFunctions.Core.Campaigns.Campaign>>([
            .. Campaigns.Where(c => c.Active && !c.Archived),
        ]);

    public ValueTask<LeadFunctions.Core.Campaigns.Campaign?> FindAsync(
        string campaignId,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(Campaigns.Find(c => c.Id == campaignId));
}

/// <summary>
/// The due index as a list: every entry ever added stays in <see cref="Sends"/>; the timer's read side sees those not
/// yet removed. Held sends are in <see cref="Held"/>, keyed "held|{campaign}|{due ticks}|{lead}" like the table's rows.
/// </summary>
internal sealed class RecordingDueSendIndex : LeadFunctions.Core.Campaigns.IDueSendIndex
{
    private const string HeldPrefix = "held|";
    private readonly HashSet<int> removed = [];

    public SortedDictionary<string, DueSend> Held { get; } = new(StringComparer.Ordinal);

    public List<DueSend> Sends { get; } = [];

    public Task AddAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken)
    {
        lock (Sends)
        {
            Sends.AddRange(sends);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<LeadFunctions.Core.Campaigns.IndexedDueSend>> ReadDueAsync(
        DateTimeOffset now,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        List<LeadFunctions.Core.Campaigns.IndexedDueSend> due;
        lock (Sends)
        {
            due =
            [
                .. Sends
                    .Select(
                        (s, i) =>
                            new LeadFunctions.Core.Campaigns.IndexedDueSend(
                                s,
                                i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                            )
                    )
                    .Where((e, i) => !removed.Contains(i) && e.Send.DueAt <= now),
            ];
        }

        foreach (var page in due.Chunk(100))
        {
            await Task.Yield();
            yield return page;
        }
    }

    public Task RemoveAsync(
        IReadOnlyList<LeadFunctions.Core.Campaigns.IndexedDueSend> entries,
        CancellationToken cancellationToken
    )
    {
        lock (Sends)
        {
            foreach (var key in entries.Select(e => e.Key))
            {
                if (!Held.Remove(key))
                {
                    removed.Add(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task HoldAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken)
    {
        lock (Sends)
        {
            foreach (var send in sends)
            {
                Held[$"{HeldPrefix}{send.CampaignId}|{send.DueAt.UtcTicks:D19}|{send.LeadId}"] = send;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LeadFunctions.Core.Campaigns.IndexedDueSend>> ReadHeldAsync(
        string campaignId,
        int max,
        CancellationToken cancellationToken
    )
    {
        lock (Sends)
        {
            return Task.FromResult<IReadOnlyList<LeadFunctions.Core.Campaigns.IndexedDueSend>>([
                .. Held.Where(h => h.Key.StartsWith($"{HeldPrefix}{campaignId}|", StringComparison.Ordinal))
                    .Select(h => new LeadFunctions.Core.Campaigns.IndexedDueSend(h.Value, h.Key))
                    .OrderBy(e => e.Send.DueAt)
                    .Take(max),
            ]);
        }
    }
}

internal sealed class InMemoryCampaignStats : LeadFunctions.Core.Campaigns.ICampaignStats
{
    public List<StatDelta> Deltas { get; } = [];

    public long Count(string campaignId, CampaignMetric metric, string? stepId = null)
    {
        lock (Deltas)
        {
            return Deltas
                .Where(d => d.CampaignId == campaignId && d.Metric == metric && (stepId is null || d.StepId == stepId))
                .Sum(d => (long)d.Count);
        }
    }

    public Task AddAsync(IReadOnlyList<StatDelta> deltas, CancellationToken cancellationToken)
    {
        lock (Deltas)
        {
            Deltas.AddRange(deltas);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every delivery and spam report counted so far, as if all within the day.</summary>
    public Task<(long Deliveries, long SpamReports)> LastDayAsync(
        string campaignId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) => Task.FromResult((Count(campaignId, CampaignMetric.Delivered), Count(campaignId, CampaignMetric.SpamReports)));

    /// <summary>Every send, open and click counted so far, as if all on the last day asked for.</summary>
    public Task<IReadOnlyList<LeadFunctions.Core.Campaigns.DailyCounts>> DailyAsync(
        string campaignId,
        DateOnly first,
        DateOnly last,
        CancellationToken cancellationToken
    )
    {
        long StepCount(CampaignMetric metric) =>
            Deltas
                .Where(d => d.CampaignId == campaignId && d.StepId is not null && d.Metric == metric)
                .Sum(d => (long)d.Count);
        lock (Deltas)
        {
            return Task.FromResult<IReadOnlyList<LeadFunctions.Core.Campaigns.DailyCounts>>([
                .. Enumerable
                    .Range(0, last.DayNumber - first.DayNumber)
                    .Select(i => new LeadFunctions.Core.Campaigns.DailyCounts(first.AddDays(i), 0, 0, 0)),
                new(
                    last,
                    StepCount(CampaignMetric.Sent),
                    StepCount(CampaignMetric.Opened),
                    StepCount(CampaignMetric.Clicked)
                ),
            ]);
        }
    }

    public Task<LeadFunctions.Core.Campaigns.CampaignStats> ReadAsync(
        string campaignId,
        CancellationToken cancellationToken
    )
    {
        lock (Deltas)
        {
            var mine = Deltas.Where(d => d.CampaignId == campaignId).ToList();
            return Task.FromResult(
                new LeadFunctions.Core.Campaigns.CampaignStats(
                    campaignId,
                    Counts(mine),
                    mine.Where(d => d.StepId is not null)
                        .GroupBy(d => d.StepId!)
                        .ToDictionary(
                            g => g.Key,
                            g => (IReadOnlyDictionary<CampaignMetric, long>)Counts(g),
                            StringComparer.Ordinal
                        ),
                    mine.Where(d => d is { StepId: not null, Variant: not null })
                        .GroupBy(d => d.StepId!)
                        .ToDictionary(
                            g => g.Key,
                            g =>
                                (IReadOnlyDictionary<string, IReadOnlyDictionary<CampaignMetric, long>>)
                                    g.GroupBy(d => d.Variant!)
                                        .ToDictionary(
                                            v => v.Key,
                                            v => (IReadOnlyDictionary<CampaignMetric, long>)Counts(v),
                                            StringComparer.Ordinal
                                        ),
                            StringComparer.Ordinal
                        )
                )
                {
                    OnBranches = mine.Where(d => d is { StepId: not null, Branch: not null })
                        .GroupBy(d => d.StepId!)
                        .ToDictionary(
                            g => g.Key,
                            g =>
                                (IReadOnlyDictionary<string, long>)
                                    g.GroupBy(d => d.Branch!).ToDictionary(b => b.Key, b => b.Sum(d => (long)d.Count)),
                            StringComparer.Ordinal
                        ),
                }
            );
        }
    }

    private static Dictionary<CampaignMetric, long> Counts(IEnumerable<StatDelta> deltas) =>
        deltas.GroupBy(d => d.Metric).ToDictionary(g => g.Key, g => g.Sum(d => (long)d.Count));
}

/// <summary>The campaign-resume queue as a list; <see cref="Take"/> hands over what is queued, delayed or
/// not.</summary>
internal sealed class RecordingResumeQueue : LeadFunctions.Core.Campaigns.ICampaignResumeQueue
{
    private readonly List<LeadFunctions.Core.Campaigns.CampaignResume> pending = [];

    public List<(LeadFunctions.Core.Campaigns.CampaignResume Request, TimeSpan Delay)> All { get; } = [];

    public Task EnqueueAsync(
        LeadFunctions.Core.Campaigns.CampaignResume request,
        TimeSpan delay,
        CancellationToken cancellationToken
    )
    {
        pending.Add(request);
        All.Add((request, delay));
        return Task.CompletedTask;
    }

    public IReadOnlyList<LeadFunctions.Core.Campaigns.CampaignResume> Take()
    {
        var taken = pending.ToList();
        pending.Clear();
        return taken;
    }
}

internal sealed class InMemoryReferralIndex : LeadFunctions.Core.Referrals.IReferralIndex
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<
        string,
        LeadFunctions.Core.Referrals.Referral
    > rows = new();

    public Task RecordAsync(LeadFunctions.Core.Referrals.Referral referral, CancellationToken cancellationToken)
    {
        rows[referral.ReferredLeadId] = referral;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<LeadFunctions.Core.Referrals.Referral> ListAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        foreach (var row in rows.Values)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
