using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Demo;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>
/// The demo's webinar journey (tools/LeadFunctions.Demo/Data/campaigns/webinar-yolculugu.json, docs/webinars/journey.md)
/// end to end on Azurite, with the default 24-hour gap between one person's emails: two registrants through the signed
/// generic webhook, one in Istanbul and one in Berlin, for a webinar at 10:00 Istanbul time; each gets the day-before
/// reminder at 10:00 in their own zone and the hour-before one (23 and 21 hours later); one attends and takes the
/// attended branch; when the webinar ends, the other is a no-show (webinar_missed) and takes the no-show branch at
/// once, not at the wait's timeout. The clock is shifted across the days.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class WebinarNoShowJourneyTests(AzuriteFixture azurite)
{
    private const string Campaign = "webinar-yolculugu";
    private const string Attendee = "ayse.yilmaz@acme.com.tr";
    private const string NoShow = "cagri.isik@acme.com.tr";
    private static readonly TimeSpan Istanbul = TimeSpan.FromHours(3);
    private static readonly TimeSpan Berlin = TimeSpan.FromHours(1);

    [Fact]
    public async Task Reminders_InEachZone_ThenAttendedAndNoShow_EachTheirBranch_TheNoShowAtTheEnd()
    {
        await using var nurture = await NurtureHost.StartAsync(
            azurite,
            $"--Webhooks:Generic:Secret={Signed.GenericSecret}"
        );
        var json = DemoData.Load().Campaigns.Single(c => c.Id == Campaign).Json;
        using var put = await nurture.Host.SendJsonWithKeyAsync(HttpMethod.Put, $"/api/campaigns/{Campaign}", json);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        // Çağrı, in Berlin, filled in the site's form before (the generic webhook's registrant carries no country).
        await FormLeadAsync(nurture, NoShow, "Çağrı", "DE");

        // The webinar starts in three days at 10:00 Istanbul time and lasts an hour.
        var now = nurture.Clock.GetUtcNow();
        var startsAt = new DateTimeOffset(now.ToOffset(Istanbul).Date.AddDays(3).AddHours(10), Istanbul);
        var attendee = await RegisterAsync(nurture, Attendee, "Ayşe", startsAt);
        var noShow = await RegisterAsync(nurture, NoShow, "Çağrı", startsAt);

        var dayBefore = new DateTimeOffset(startsAt.ToOffset(Istanbul).Date.AddDays(-1).AddHours(10), Istanbul);
        var dayBeforeInBerlin = new DateTimeOffset(startsAt.ToOffset(Berlin).Date.AddDays(-1).AddHours(10), Berlin);
        Assert.Equal(
            ("gun-once", dayBefore, "gun-once", dayBeforeInBerlin),
            (
                (await nurture.EnrollmentAsync(attendee, Campaign))!.NextStepId,
                (await nurture.EnrollmentAsync(attendee, Campaign))!.NextDueAt,
                (await nurture.EnrollmentAsync(noShow, Campaign))!.NextStepId,
                (await nurture.EnrollmentAsync(noShow, Campaign))!.NextDueAt
            )
        );

        await PassUntilAsync(nurture, dayBefore);
        await EmailsAsync(nurture, (Attendee, "gun-once"));
        await PassUntilAsync(nurture, dayBeforeInBerlin);
        await EmailsAsync(nurture, (NoShow, "gun-once"));

        // Less than a day after the first reminder: the gap does not hold the second.
        await PassUntilAsync(nurture, startsAt.AddHours(-1));
        await EmailsAsync(nurture, (Attendee, "saat-once"), (NoShow, "saat-once"));
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(noShow, Campaign))?.NextStepId == "webinar-sonu",
            because: "both on the wait for the webinar's end"
        );

        await PassUntilAsync(nurture, startsAt.AddMinutes(5));
        await PostAsync(nurture, "attended", Attendee, startsAt, minutes: 55);
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(attendee, Campaign))?.NextStepId == "kayit",
            because: "the attendee's wait woken by the attended event"
        );
        Assert.Equal("webinar-sonu", (await nurture.EnrollmentAsync(noShow, Campaign))!.NextStepId);

        // The end: the no-show's webinar_missed takes its branch in seconds, days before the wait's timeout.
        await PassUntilAsync(nurture, startsAt.AddHours(1));
        await PostAsync(nurture, "ended", Attendee, startsAt);
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(noShow, Campaign))?.NextStepId == "sizi-ozledik",
            because: "the no-show's wait woken by webinar_missed when the webinar ended"
        );
        var missed = (await nurture.EnrollmentAsync(noShow, Campaign))!;
        Assert.Equal(
            (StepState.Passed, EventTypes.WebinarMissed),
            (missed.Step("webinar-sonu")!.State, missed.Step("webinar-sonu")!.Branch)
        );
        Assert.True(missed.NextDueAt < startsAt.AddHours(3), "the no-show's email is due within hours, not days");
        Assert.Equal("kayit", (await nurture.EnrollmentAsync(attendee, Campaign))!.NextStepId);

        // A day on (the gap after the hour-before reminder), each gets their follow-up; two days later the offer.
        await PassUntilAsync(nurture, startsAt.AddDays(1));
        await EmailsAsync(nurture, (Attendee, "kayit"), (NoShow, "sizi-ozledik"));
        await PassUntilAsync(nurture, startsAt.AddDays(4));
        await EmailsAsync(nurture, (Attendee, "gorusme"));

        var stats = await nurture.StatsAsync(Campaign, s => s.Steps.ContainsKey("gorusme"));
        Assert.Equal(
            (1L, 1L, 0L, 1L),
            (
                stats.Steps["webinar-sonu"][CampaignMetric.Then],
                stats.Steps["webinar-sonu"][CampaignMetric.On],
                stats.Steps["webinar-sonu"][CampaignMetric.TimedOut],
                stats.OnBranches["webinar-sonu"][EventTypes.WebinarMissed]
            )
        );
        using var route = await nurture.Host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/campaigns/{Campaign}/stats")
        );
        using var answer = JsonDocument.Parse(await route.Content.ReadAsStringAsync());
        var branches = answer
            .RootElement.GetProperty("steps")
            .EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == "webinar-sonu")
            .GetProperty("branches");
        Assert.Equal("""{"then":1,"timeout":0,"webinar_missed":1}""", JsonSerializer.Serialize(branches));

        // Each email once, and no other; with no country known, in English (the translation), the name as written.
        Assert.Equal(
            [
                $"{Attendee} gorusme",
                $"{Attendee} gun-once",
                $"{Attendee} kayit",
                $"{Attendee} saat-once",
                $"{NoShow} gun-once",
                $"{NoShow} saat-once",
                $"{NoShow} sizi-ozledik",
            ],
            nurture
                .SendGrid.Accepted.Select(e => $"{e.To} {e.CustomArgs[MailCustomArgs.Step]}")
                .Order(StringComparer.Ordinal)
        );
        Assert.Contains(nurture.SendGrid.Accepted, e =>
            e.To == Attendee && e.Subject == "Recording and slides: thank you Ayşe"
        );
    }

    [Fact]
    public async Task TheJourneyOfTheDocs_AsAUserPutsIt_IsTaken_AndAnsweredBackWithItsBranchPerEvent()
    {
        var docs = File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "docs", "webinars", "journey.md"));
        var json = JsonBlock().Match(docs).Groups[1].Value;
        await using var host = await TestHost.StartAsync(azurite);

        using var put = await host.SendJsonWithKeyAsync(HttpMethod.Put, "/api/campaigns/webinar-journey", json);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var get = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/campaigns/webinar-journey"));
        using var answer = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        var after = answer
            .RootElement.GetProperty("steps")
            .EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == "after");
        Assert.Equal("""{"webinar_missed":"sorry"}""", JsonSerializer.Serialize(after.GetProperty("on")));
    }

    [GeneratedRegex("```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static async Task<string> RegisterAsync(
        NurtureHost nurture,
        string email,
        string firstName,
        DateTimeOffset startsAt
    )
    {
        await PostAsync(nurture, "registered", email, startsAt, firstName: firstName);
        var leadId = LeadId.FromEmail(email);
        await Eventually.TrueAsync(
            async () => await nurture.EnrollmentAsync(leadId, Campaign) is not null,
            because: $"{email} enrolled by the registration"
        );
        return leadId;
    }

    private static async Task FormLeadAsync(NurtureHost nurture, string email, string firstName, string country)
    {
        var json = JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["email"] = email,
                ["firstName"] = firstName,
                ["country"] = country,
                ["consentEmail"] = true,
                ["consentText"] = "E-posta almayı kabul ediyorum (v1)",
            }
        );
        using var answer = await nurture.Host.Client.PostAsync(
            "/api/leads",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        await Eventually.TrueAsync(
            async () =>
                (await nurture.Get<ILeadStore>().LoadAsync(LeadId.FromEmail(email), CancellationToken.None)).Lead
                    is { Country: "DE" },
            because: $"{email} a lead from the form"
        );
    }

    /// <summary>A delivery of the generic webhook (docs/reference.md), signed with its secret.</summary>
    private static async Task PostAsync(
        NurtureHost nurture,
        string kind,
        string email,
        DateTimeOffset startsAt,
        string? firstName = null,
        int? minutes = null
    )
    {
        var registrant = new Dictionary<string, object?> { ["email"] = email };
        if (firstName is not null)
        {
            (registrant["firstName"], registrant["consentEmail"]) = (firstName, true);
        }

        if (minutes is not null)
        {
            registrant["minutes"] = minutes;
        }

        var json = JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["event"] = kind,
                ["platform"] = "livestorm",
                ["webinarId"] = "ls-journey-1",
                ["webinarTitle"] = "Lead puanlama 101",
                ["startsAt"] = Date(startsAt),
                ["endsAt"] = Date(startsAt.AddHours(1)),
                ["timeZone"] = "Europe/Istanbul",
                ["occurredAt"] = Date(nurture.Clock.GetUtcNow()),
                ["registrant"] = registrant,
            }
        );
        using var answer = await nurture.Host.Client.SendAsync(Signed.Generic(json));
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
    }

    private static string Date(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The clock moved on to a second past <paramref name="at"/> and the nurture timer run.</summary>
    private static async Task PassUntilAsync(NurtureHost nurture, DateTimeOffset at)
    {
        nurture.Clock.Offset += at - nurture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        await nurture.TickAsync();
    }

    private static Task EmailsAsync(NurtureHost nurture, params (string To, string Step)[] expected) =>
        Eventually.TrueAsync(
            () =>
                Task.FromResult(
                    expected.All(x =>
                        nurture.SendGrid.Accepted.Any(e => e.To == x.To && e.CustomArgs[MailCustomArgs.Step] == x.Step)
                    )
                ),
            because: string.Join(", ", expected.Select(x => $"{x.Step} to {x.To}"))
        );
}
