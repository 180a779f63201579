using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Timeline;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Leads;

/// <summary>The newest activity the lead row carries (what the lead's page shows at first) against what the queries of
/// the partition read, after a life of consent decisions, events before and after the lead, and score and stage
/// moves, through the use cases on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecentActivityTests(AzuriteFixture azurite)
{
    private const string Email = "ozet@acme.com";
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddDays(-2);

    [Fact]
    public async Task TheLeadRowsDigest_IsTheNewestOfWhatThePartitionHolds()
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: FunctionsOff.Settings(typeof(TimerFunctionAttribute), typeof(QueueFunctionAttribute))
        );
        var services = host.Services;
        var (consent, engagement) = (
            services.GetRequiredService<IConsentRecorder>(),
            services.GetRequiredService<IEngagementRecorder>()
        );
        var id = LeadId.FromEmail(Email);

        // Before there is a lead: a consent decision and two events, kept on the waiting row.
        await consent.RecordAsync(Email, Decision("c-00", ConsentAction.Granted, At), default);
        await engagement.ProcessAsync(Event(id, "early-1", EventTypes.ContentDownload, At.AddMinutes(1)), default);
        await engagement.ProcessAsync(Event(id, "early-2", EventTypes.PageView, At.AddMinutes(2)), default);
        await services
            .GetRequiredService<LeadIntakeProcessor>()
            .ProcessAsync(
                new LeadSubmission
                {
                    SubmissionId = "form-1",
                    ReceivedAt = At.AddMinutes(3),
                    Email = Email,
                    FirstName = "Özet",
                    Company = "Acme A.Ş.",
                    JobTitle = "CEO",
                    Source = "web",
                },
                default
            );

        // Events that move the score and the stage, then more events and ledger rows than the digest keeps, and more
        // entries after the stage move than its newest.
        for (var i = 0; i < 20; i++)
        {
            var type = i % 2 == 0 ? EventTypes.PricingPageView : EventTypes.ContentDownload;
            await engagement.ProcessAsync(Event(id, $"ev-{i:D2}", type, At.AddMinutes(10 + i)), default);
        }

        for (var i = 1; i <= 30; i++)
        {
            var action = i % 2 == 1 ? ConsentAction.Withdrawn : ConsentAction.Granted;
            await consent.RecordAsync(Email, Decision($"c-{i:D2}", action, DateTimeOffset.UtcNow), default);
            await engagement.ProcessAsync(
                Event(id, $"view-{i:D2}", EventTypes.PageView, DateTimeOffset.UtcNow),
                default
            );
        }

        var store = services.GetRequiredService<ILeadStore>();
        var recent = (await store.LoadLeadAsync(id, default)).Recent;
        Assert.NotNull(recent);
        Assert.True(recent.Partial);
        var digest = EventEntries.Merged(recent.Entries, recent.Events);
        var timeline = await store.ReadTimelineAsync(id, 200, default);
        Assert.Equal(timeline.Take(RecentActivity.MaxEntries), digest.Take(RecentActivity.MaxEntries));

        // The stage moves and the latest score change, older than the newest entries, are kept all the same.
        var entries = timeline.Where(e => e.Kind != TimelineKind.Event).ToList();
        Assert.DoesNotContain(entries.Take(RecentActivity.MaxEntries), e => e.Kind == TimelineKind.Stage);
        Assert.Contains(entries, e => e.Kind == TimelineKind.Stage);
        Assert.Equal(entries.Where(e => e.Kind == TimelineKind.Stage), digest.Where(e => e.Kind == TimelineKind.Stage));
        Assert.Equal(entries.First(e => e.Kind == TimelineKind.Score), digest.First(e => e.Kind == TimelineKind.Score));

        // The newest ledger rows, the one kept before there was a lead among them until it was pushed out.
        var ledger = await store.ReadConsentAsync(id, default);
        Assert.Equal(31, ledger.Count);
        Assert.Equal("c-00", ledger[0].Id);
        Assert.Equal(ledger.TakeLast(RecentActivity.MaxConsent), ConsentLedger.OldestFirst(recent.Consent));

        // The page's first view says that older decisions are left out; the next view reads them all.
        var reader = host.Services.GetRequiredService<LeadFileReader>();
        var first = await reader.ReadAsync(id, 0, default);
        Assert.True(first?.OlderConsent);
        Assert.Equal(RecentActivity.MaxConsent, first?.Consent.Count);
        var all = await reader.ReadAsync(id, LeadFileReader.PageOfEntries * 2, default);
        Assert.False(all?.OlderConsent);
        Assert.Equal(31, all?.Consent.Count);
    }

    private static ConsentRecord Decision(string id, ConsentAction action, DateTimeOffset at) =>
        new()
        {
            Id = id,
            Action = action,
            At = at,
            Source = ConsentSource.Form,
            Ip = "203.0.113.7",
            Text = "E-posta ile bilgilendirme almak istiyorum.",
        };

    private static EngagementEvent Event(string leadId, string eventId, string type, DateTimeOffset at) =>
        new()
        {
            EventId = eventId,
            LeadId = leadId,
            Type = type,
            OccurredAt = at,
            Source = "web",
            Url = "https://acme.com/fiyatlar",
        };
}
