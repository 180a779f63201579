using Azure.Core;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Leads;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Leads;

/// <summary>The lead store against Azurite: its row layout, and optimistic concurrency with and without a
/// transaction.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeadTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_LeadRowAlone_WritesWithTheETagAndRefusesAStaleOne()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var lead = NewLead("single@acme.com");
        Assert.Equal(SaveResult.Saved, await store.SaveAsync(LeadChange.Updated(lead, null), default));
        Assert.Equal(SaveResult.Conflict, await store.SaveAsync(LeadChange.Updated(lead, null), default));

        var first = (await store.FindAsync(lead.Id, default))!;
        Assert.Equal(
            SaveResult.Saved,
            await store.SaveAsync(LeadChange.Updated(lead with { FirstName = "Ece" }, first.ETag), default)
        );
        Assert.Equal(
            SaveResult.Conflict,
            await store.SaveAsync(LeadChange.Updated(lead with { FirstName = "Stale" }, first.ETag), default)
        );
        Assert.Equal("Ece", (await store.FindAsync(lead.Id, default))!.Lead.FirstName);
    }

    [Fact]
    public async Task SaveAsync_WithAnEvent_IsOneTransactionAndARepeatIsAlreadyApplied()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var lead = NewLead("events@acme.com");
        var download = Download(lead, "ev-1");
        Assert.Equal(SaveResult.Saved, await store.SaveAsync(LeadChange.Engaged(lead, null, [], download), default));

        var saved = (await store.FindAsync(lead.Id, default))!;
        Assert.Equal(
            SaveResult.AlreadyApplied,
            await store.SaveAsync(
                LeadChange.Engaged(lead, saved.ETag, [], download with { OccurredAt = At.AddMinutes(5) }),
                default
            )
        );
        Assert.Single((await store.LoadAsync(lead.Id, default)).Events);
    }

    [Fact]
    public async Task SaveAsync_BeforeThereIsALead_KeepingAnEventAndCreatingTheLeadConflictWithEachOther()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        EngagementEvent Event(Lead lead, string id) =>
            new()
            {
                EventId = id,
                LeadId = lead.Id,
                Type = EventTypes.WebinarRegistered,
                OccurredAt = At,
                Source = "zoom",
            };

        // An event kept after the creator read: the creation conflicts, and the next read has the event.
        var first = NewLead("race-1@acme.com");
        var read = await store.LoadAsync(first.Id, default);
        Assert.Equal(
            SaveResult.Saved,
            await store.SaveAsync(
                LeadChange.EventsKept(first.Id, (await store.LoadAsync(first.Id, default)).ETag, Event(first, "ev-1")),
                default
            )
        );
        Assert.Equal(SaveResult.Conflict, await store.SaveAsync(LeadChange.Updated(first, read.ETag), default));
        var reread = await store.LoadAsync(first.Id, default);
        Assert.Single(reread.Events);
        Assert.Equal(SaveResult.Saved, await store.SaveAsync(LeadChange.Updated(first, reread.ETag), default));

        // A lead created after the event's writer read: keeping the event conflicts, and the next read has the lead.
        var second = NewLead("race-2@acme.com");
        read = await store.LoadAsync(second.Id, default);
        Assert.Equal(
            SaveResult.Saved,
            await store.SaveAsync(LeadChange.Updated(second, (await store.LoadAsync(second.Id, default)).ETag), default)
        );
        Assert.Equal(
            SaveResult.Conflict,
            await store.SaveAsync(LeadChange.EventsKept(second.Id, read.ETag, Event(second, "ev-2")), default)
        );
        Assert.NotNull((await store.LoadAsync(second.Id, default)).Lead);

        // Two events for someone who is not a lead yet, each after the other's read: the second conflicts too.
        var third = NewLead("race-3@acme.com");
        read = await store.LoadAsync(third.Id, default);
        Assert.Equal(
            SaveResult.Saved,
            await store.SaveAsync(LeadChange.EventsKept(third.Id, read.ETag, Event(third, "ev-3")), default)
        );
        Assert.Equal(
            SaveResult.Conflict,
            await store.SaveAsync(LeadChange.EventsKept(third.Id, read.ETag, Event(third, "ev-4")), default)
        );
    }

    [Fact]
    public async Task LoadAsync_OverSeveralPages_AnEventWrittenBetweenThePagesMakesTheSaveConflict()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var lead = NewLead("busy@acme.com");
        EngagementEvent Event(string id, DateTimeOffset at) =>
            new()
            {
                EventId = id,
                LeadId = lead.Id,
                Type = EventTypes.PageView,
                OccurredAt = at,
                Source = "web",
            };

        // 1,200 events: more than one page (1,000 rows) to read.
        string? etag = null;
        foreach (var chunk in Enumerable.Range(0, 1_200).Chunk(40))
        {
            Assert.Equal(
                SaveResult.Saved,
                await store.SaveAsync(
                    LeadChange.Engaged(lead, etag, [], [.. chunk.Select(i => Event($"ev-{i}", At.AddMinutes(-i)))]),
                    default
                )
            );
            etag = (await store.FindAsync(lead.Id, default))!.ETag;
        }

        // Another writer keeps a new event (it sorts first: newest first) and renames the lead, once, just
        // before the store under test asks for a query's next page.
        BetweenPages KeepsAnEvent(string eventId, string firstName, DateTimeOffset at) =>
            new(async () =>
            {
                var current = await store.LoadAsync(lead.Id, default);
                Assert.Equal(
                    SaveResult.Saved,
                    await store.SaveAsync(
                        LeadChange.Engaged(
                            current.Lead! with
                            {
                                FirstName = firstName,
                            },
                            current.ETag,
                            [],
                            Event(eventId, at)
                        ),
                        default
                    )
                );
            });
        LeadTableStore StoreWith(BetweenPages policy) => StoreThrough(host, policy, HttpPipelinePosition.PerCall);

        // Loading: the write lands between the version read and the events' second page.
        var between = KeepsAnEvent("late", "Ece", At.AddMinutes(1));
        var snapshot = await StoreWith(between).LoadAsync(lead.Id, default);
        Assert.True(between.Fired);
        Assert.DoesNotContain(snapshot.Events, e => e.EventId == "late");
        Assert.Equal(
            SaveResult.Conflict,
            await store.SaveAsync(
                LeadChange.Updated(snapshot.Lead! with { LastName = "Stale" }, snapshot.ETag),
                default
            )
        );

        // A pass over the table reads such a partition again, whole, with an event kept between its pages.
        var scanning = KeepsAnEvent("later", "Ela", At.AddMinutes(2));
        var scanned = Assert.Single(
            await StoreWith(scanning).ScanAsync(new LeadIdRange("0", "g"), default).ToListAsync()
        );
        Assert.True(scanning.Fired);
        Assert.Equal(1_202, scanned.Events.Count);
        Assert.Equal("Ela", scanned.Lead?.FirstName);
    }

    /// <summary>Runs an action once, just before the first request for a query's next page.</summary>
    private sealed class BetweenPages(Func<Task> action) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public bool Fired { get; private set; }

        public override async ValueTask ProcessAsync(
            Azure.Core.HttpMessage message,
            ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline
        )
        {
            if (!Fired && message.Request.Uri.Query.Contains("NextRowKey", StringComparison.Ordinal))
            {
                Fired = true;
                await action();
            }

            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(
            Azure.Core.HttpMessage message,
            ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline
        ) => throw new NotSupportedException();
    }

    [Fact]
    public async Task SaveAsync_AWriteThatLandedButWhoseAnswerWasLost_IsSaved_NotARepeatOrAConflict()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var losing = new LosesAnAnswer();
        var lossy = StoreThrough(host, losing, HttpPipelinePosition.PerRetry);
        var lead = NewLead("lost@acme.com");
        var download = Download(lead, "ev-lost");

        // A transaction (the lead with its event): the client's retry finds the event's marker written.
        var (result, etag) = await lossy.SaveVersionedAsync(LeadChange.Engaged(lead, null, [], download), default);
        Assert.Equal((1, SaveResult.Saved), (losing.Lost, result));
        var saved = (await store.FindAsync(lead.Id, default))!;
        Assert.Equal(saved.ETag, etag);
        var stale = saved.ETag;

        // One row (the lead, with its ETag): the retry finds the ETag changed by its own first attempt.
        losing.LoseNext();
        (result, etag) = await lossy.SaveVersionedAsync(
            LeadChange.Updated(saved.Lead with { FirstName = "Ece" }, saved.ETag),
            default
        );
        Assert.Equal((2, SaveResult.Saved), (losing.Lost, result));
        saved = (await store.FindAsync(lead.Id, default))!;
        Assert.Equal(("Ece", saved.ETag), (saved.Lead.FirstName, etag));

        // An entry with the lead row.
        losing.LoseNext();
        var delivered = new TimelineEntry("handoff|h-lost", At, TimelineKind.Handoff, "Delivered to the CRM");
        Assert.Equal(
            SaveResult.Saved,
            await lossy.SaveAsync(LeadChange.Updated(saved.Lead, saved.ETag, delivered), default)
        );
        Assert.Equal(3, losing.Lost);
        var noted = (await store.FindAsync(lead.Id, default))!;

        // A true repeat and a stale write are still told apart, answers lost or not.
        losing.LoseNext();
        Assert.Equal(
            SaveResult.AlreadyApplied,
            await lossy.SaveAsync(LeadChange.Updated(noted.Lead, noted.ETag, delivered), default)
        );
        losing.LoseNext();
        Assert.Equal(
            SaveResult.Conflict,
            await lossy.SaveAsync(LeadChange.Updated(saved.Lead with { FirstName = "Stale" }, stale), default)
        );
        Assert.Single((await store.LoadAsync(lead.Id, default)).Events);
        Assert.Equal("Ece", (await store.FindAsync(lead.Id, default))!.Lead.FirstName);
    }

    /// <summary>Lets the next write reach the storage and then loses its answer, as a timeout or a dropped
    /// connection does; the client's retry policy sends it again.</summary>
    private sealed class LosesAnAnswer : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private bool armed = true;

        public int Lost { get; private set; }

        public void LoseNext() => armed = true;

        public override async ValueTask ProcessAsync(
            Azure.Core.HttpMessage message,
            ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline
        )
        {
            await ProcessNextAsync(message, pipeline);
            if (armed && message.Request.Method != Azure.Core.RequestMethod.Get)
            {
                (armed, Lost) = (false, Lost + 1);
                throw new IOException("The answer was lost on the way back.");
            }
        }

        public override void Process(
            Azure.Core.HttpMessage message,
            ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline
        ) => throw new NotSupportedException();
    }

    private LeadTableStore StoreThrough(
        TestHost host,
        Azure.Core.Pipeline.HttpPipelinePolicy policy,
        HttpPipelinePosition position
    )
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, position);
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var tables = new LeadTables(
            new TableServiceClient(azurite.ConnectionString, options),
            host.Services.GetRequiredService<StorageNames>()
        );
        return new LeadTableStore(tables, new LeadEmailIndex(tables));
    }

    [Fact]
    public async Task NoteAsync_AnEntryWithTheLeadRow_OnceAndInTheRowsRecentActivity()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var updater = host.Services.GetRequiredService<LeadUpdater>();
        var lead = NewLead("entry@acme.com");
        var delivered = new TimelineEntry("handoff|h-1", At, TimelineKind.Handoff, "Delivered to the CRM");
        Assert.False(await updater.NoteAsync(lead.Id, delivered, default));

        await store.SaveAsync(LeadChange.Updated(lead, null), default);
        Assert.True(await updater.NoteAsync(lead.Id, delivered, default));
        Assert.False(await updater.NoteAsync(lead.Id, delivered, default));
        Assert.True(await store.HasEntryAsync(lead.Id, delivered, default));
        var recent = (await store.LoadLeadAsync(lead.Id, default)).Recent;
        Assert.Equal([delivered], recent?.Entries);
    }

    [Fact]
    public async Task ScanAsync_EachLeadWithItsOwnEvents_AndNoTwoLeadRowsShareAKey()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var (ada, bora) = (NewLead("ada@acme.com"), NewLead("bora@acme.com"));
        var early = LeadId.FromEmail("early@acme.com");
        EngagementEvent Event(string leadId, string id) =>
            new()
            {
                EventId = id,
                LeadId = leadId,
                Type = EventTypes.PageView,
                OccurredAt = At,
                Source = "web",
            };
        var visit = new TimelineEntry("s-1", At, TimelineKind.Submission, "Form");
        await store.SaveAsync(LeadChange.Engaged(ada, null, [visit], Event(ada.Id, "a-1")), default);
        await store.SaveAsync(
            LeadChange.Engaged(bora, null, [], Event(bora.Id, "b-1"), Event(bora.Id, "b-2")),
            default
        );
        await store.SaveAsync(LeadChange.EventsKept(early, null, Event(early, "e-1")), default);

        var scanned = await store.ScanAsync(new LeadIdRange("0", "g"), default).ToDictionaryAsync(s => s.LeadId);
        Assert.Equal(3, scanned.Count);
        Assert.Equal(["a-1"], scanned[ada.Id].Events.Select(e => e.EventId));
        Assert.Equal(["b-1", "b-2"], scanned[bora.Id].Events.Select(e => e.EventId).Order());
        Assert.Equal((ada.Email, bora.Email), (scanned[ada.Id].Lead?.Email, scanned[bora.Id].Lead?.Email));
        Assert.Null(scanned[early].Lead);

        var leadRows = await host.Table(TableNames.Leads)
            .QueryAsync<TableEntity>(LeadTableStore.LeadRowsFilter)
            .ToListAsync();
        Assert.Equal(new[] { ada.Id, bora.Id }.Order(), leadRows.Select(r => r.PartitionKey).Order());
        Assert.Equal(2, leadRows.Select(r => r.RowKey).Distinct().Count());

        // Every row key that is not keyed by time or id alone carries the lead id, so none repeats across partitions.
        var rows = await host.Table(TableNames.Leads)
            .QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"])
            .ToListAsync();
        Assert.All(
            rows.Where(r =>
                !r.RowKey.StartsWith("e|", StringComparison.Ordinal)
                && !r.RowKey.StartsWith("t|", StringComparison.Ordinal)
                && !r.RowKey.StartsWith("r|", StringComparison.Ordinal)
            ),
            r => Assert.EndsWith(r.PartitionKey, r.RowKey, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task ScanAsync_APassInParts_EachLeadInItsOwnPartOnly_AtTheEdgesToo()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();

        // Leads whose ids begin at the edges: the first and last part, and either side of "9" → "a" (part "09" ends at
        // "0:").
        var ids = new List<string>();
        foreach (var prefix in new[] { "00", "09", "0a", "9f", "a0", "fe", "ff" })
        {
            var email = Enumerable
                .Range(0, 100_000)
                .Select(i => $"edge{i}@acme.com")
                .First(e => LeadId.FromEmail(e).StartsWith(prefix, StringComparison.Ordinal));
            var lead = NewLead(email);
            await store.SaveAsync(LeadChange.Updated(lead, null), default);
            ids.Add(lead.Id);
        }

        var byPart = new List<string>();
        foreach (var range in LeadIdRange.ByFirstTwoDigits)
        {
            var inRange = await store.ScanAsync(range, default).Select(s => s.LeadId).ToListAsync();
            Assert.All(inRange, id => Assert.True(range.Contains(id), $"{id} is not in {range}"));
            byPart.AddRange(inRange);
        }

        Assert.Equal(ids.Order(), byPart.Order());
    }

    [Fact]
    public async Task LoadLeadAsync_OnePointRead_TheLeadWithItsEnrollmentsAndLatestEvents_NotTheEvents()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var download = new EngagementEvent
        {
            EventId = "ev-n",
            LeadId = LeadId.FromEmail("row@acme.com"),
            Type = EventTypes.ContentDownload,
            OccurredAt = At,
            Source = "web",
        };
        var lead = NewLead("row@acme.com").WithEventsSeen([download]);
        var enrollment = new Enrollment
        {
            CampaignId = "fair",
            EnrolledAt = At,
            Reason = "by hand",
            NextStepId = "welcome",
            NextDueAt = At.AddDays(1),
        };
        Assert.Equal(
            SaveResult.Saved,
            await store.SaveAsync(
                LeadChange.Engaged(lead, null, [], download) with
                {
                    Enrollments = [enrollment],
                },
                default
            )
        );

        var row = await store.LoadLeadAsync(lead.Id, default);
        Assert.Empty(row.Events);
        Assert.Equal(enrollment with { Steps = [] }, Assert.Single(row.CampaignEnrollments) with { Steps = [] });
        Assert.Equal(At, row.Lead!.LastEventAt[EventTypes.ContentDownload]);
        Assert.Equal(row.ETag, (await store.FindAsync(lead.Id, default))!.ETag);

        var full = await store.LoadAsync(lead.Id, default);
        Assert.Single(full.Events);
        Assert.Equal(
            ("fair", "welcome"),
            Assert.Single(full.CampaignEnrollments) is var e ? (e.CampaignId, e.NextStepId) : default
        );
    }

    [Fact]
    public async Task SaveAsync_EnrollmentsLongerThanOneProperty_GoOnInTheNextAndReadBackWhole()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var store = host.Services.GetRequiredService<ILeadStore>();
        var lead = NewLead("many@acme.com");
        var step = new StepRecord
        {
            StepId = "welcome",
            State = StepState.Sent,
            SendId = new string('s', 64),
            MessageId = new string('m', 40),
            SentAt = At,
        };
        var enrollments = Enumerable
            .Range(1, 150)
            .Select(i => new Enrollment
            {
                CampaignId = $"campaign-{i}",
                EnrolledAt = At,
                Reason = "by hand",
                Steps = [step, step with { StepId = "second" }],
            })
            .ToList();
        Assert.Equal(
            SaveResult.Saved,
            await store.SaveAsync(LeadChange.Updated(lead, null) with { Enrollments = enrollments }, default)
        );

        var entity = (
            await host
                .Services.GetRequiredService<LeadTables>()
                .Leads.GetEntityAsync<TableEntity>(lead.Id, "lead|" + lead.Id)
        ).Value;
        Assert.NotNull(entity.GetString("Enrollments1"));
        Assert.Equal(
            enrollments.Select(e => (e.CampaignId, e.Steps.Count)),
            (await store.LoadLeadAsync(lead.Id, default)).CampaignEnrollments.Select(e => (e.CampaignId, e.Steps.Count))
        );
    }

    private static EngagementEvent Download(Lead lead, string eventId) =>
        new()
        {
            EventId = eventId,
            LeadId = lead.Id,
            Type = EventTypes.ContentDownload,
            OccurredAt = At,
            Source = "web",
        };

    internal static Lead NewLead(string email) =>
        new()
        {
            Id = LeadId.FromEmail(email),
            Email = email,
            FirstName = "Deniz",
            Source = "web",
            Stage = LifecycleStage.Lead,
            CreatedAt = At,
            UpdatedAt = At,
            LastSubmittedAt = At,
        };
}
