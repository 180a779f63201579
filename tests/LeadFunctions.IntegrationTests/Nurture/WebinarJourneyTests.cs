using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Nurture;

/// <summary>
/// The README's journey as written there, end to end on Azurite: registrants posted through the signed generic webinar
/// webhook with the webinar's start, a reminder the day before at 10:00 in their zone (Istanbul, the default), one who
/// attends and one who does not, each on their branch; the clock shifted across the days.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class WebinarJourneyTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Istanbul = TimeSpan.FromHours(3);

    [Fact]
    public async Task ReadmeJourney_ReminderTheDayBeforeAt10_AttendedAndNoShowEachTheirFollowUp_ThenTheDemoWait()
    {
        await using var nurture = await NurtureHost.StartAsync(
            azurite,
            $"--Webhooks:Generic:Secret={Signed.GenericSecret}",
            "--Nurture:MinGapBetweenEmails=00:00:00"
        );
        using var put = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Put,
            "/api/campaigns/webinar",
            ReadmeJourney()
        );
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        // The webinar starts in three days at 14:00 Istanbul time.
        var now = nurture.Clock.GetUtcNow();
        var startsAt = new DateTimeOffset(now.ToOffset(Istanbul).Date.AddDays(3).AddHours(14), Istanbul);
        var attendee = await RegisterAsync(nurture, "katilan@acme.com.tr", startsAt);
        var noShow = await RegisterAsync(nurture, "gelmeyen@acme.com.tr", startsAt);

        var dayBefore = new DateTimeOffset(startsAt.Date.AddDays(-1).AddHours(10), Istanbul);
        Assert.Equal(dayBefore, (await nurture.EnrollmentAsync(attendee, "webinar"))!.NextDueAt);

        await PassAsync(nurture, dayBefore - nurture.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await EmailsAsync(nurture, ("katilan@acme.com.tr", "reminder"), ("gelmeyen@acme.com.tr", "reminder"));

        await PassAsync(nurture, startsAt - nurture.Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        await PostAsync(nurture, "attended", "katilan@acme.com.tr", startsAt);
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(attendee, "webinar"))?.NextStepId == "recording",
            because: "the attendee's wait woken by the attended event"
        );
        await PassAsync(nurture, TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        await EmailsAsync(nurture, ("katilan@acme.com.tr", "recording"));

        // Two days after the reminder the no-show's wait times out (one timer run), and the email of its timeout
        // branch, due at once, goes on the next.
        await PassAsync(nurture, dayBefore.AddDays(2) - nurture.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(
            async () => (await nurture.EnrollmentAsync(noShow, "webinar"))?.NextStepId == "missed-you",
            because: "the no-show's wait timed out"
        );
        await nurture.TickAsync();
        await EmailsAsync(nurture, ("gelmeyen@acme.com.tr", "missed-you"));
        Assert.Equal("demo", (await nurture.EnrollmentAsync(noShow, "webinar"))!.NextStepId);

        await PassAsync(nurture, TimeSpan.FromDays(8));
        await Eventually.TrueAsync(
            async () =>
                (await nurture.EnrollmentAsync(attendee, "webinar"))?.NextStepId == "last-call"
                && (await nurture.EnrollmentAsync(noShow, "webinar"))?.NextStepId == "last-call",
            because: "both demo waits timed out"
        );
        await nurture.TickAsync();
        await EmailsAsync(nurture, ("katilan@acme.com.tr", "last-call"), ("gelmeyen@acme.com.tr", "last-call"));

        var stats = await nurture.StatsAsync("webinar", s => s.Steps.ContainsKey("last-call"));
        Assert.Equal(
            (1, 1),
            (stats.Steps["attended"][CampaignMetric.Then], stats.Steps["attended"][CampaignMetric.TimedOut])
        );
        Assert.Equal(2, stats.Steps["demo"][CampaignMetric.TimedOut]);
        // Each email once, and no other.
        Assert.Equal(
            ["last-call", "last-call", "missed-you", "recording", "reminder", "reminder"],
            nurture.SendGrid.Accepted.Select(e => e.CustomArgs[MailCustomArgs.Step]).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public async Task ReadmeJourney_RegisteredAfterTheReminderTime_ReminderMissed_NotSentLate()
    {
        await using var nurture = await NurtureHost.StartAsync(
            azurite,
            $"--Webhooks:Generic:Secret={Signed.GenericSecret}"
        );
        using var put = await nurture.Host.SendJsonWithKeyAsync(
            HttpMethod.Put,
            "/api/campaigns/webinar",
            ReadmeJourney()
        );
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var lead = await RegisterAsync(nurture, "gec@acme.com.tr", nurture.Clock.GetUtcNow().AddHours(5));

        var enrollment = (await nurture.EnrollmentAsync(lead, "webinar"))!;
        Assert.Equal((StepState.Skipped, "attended"), (enrollment.Step("reminder")!.State, enrollment.NextStepId));
        var stats = await nurture.StatsAsync("webinar", s => s.Steps.ContainsKey("reminder"));
        Assert.Equal(1, stats.Steps["reminder"][CampaignMetric.Missed]);
        await nurture.TickAsync();
        Assert.Empty(nurture.SendGrid.Accepted);
    }

    /// <summary>The first JSON example of the README's nurture section: the journey as a reader copies it.</summary>
    private static string ReadmeJourney()
    {
        var readme = File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "README.md"));
        return JsonBlock().Matches(readme).Select(m => m.Groups[1].Value).Single(b => b.Contains("webinar.startsAt"));
    }

    [GeneratedRegex("```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static async Task<string> RegisterAsync(NurtureHost nurture, string email, DateTimeOffset startsAt)
    {
        await PostAsync(nurture, "registered", email, startsAt);
        var leadId = LeadId.FromEmail(email);
        await Eventually.TrueAsync(
            async () => await nurture.EnrollmentAsync(leadId, "webinar") is not null,
            because: $"{email} enrolled by the registration"
        );
        return leadId;
    }

    private static async Task PostAsync(NurtureHost nurture, string kind, string email, DateTimeOffset startsAt)
    {
        var json = $$$"""
            {"event":"{{{kind}}}","platform":"livestorm","webinarId":"ls-1","webinarTitle":"Lead scoring 101",
             "startsAt":"{{{startsAt.ToString("O", CultureInfo.InvariantCulture)}}}",
             "occurredAt":"{{{nurture.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)}}}",
             "registrant":{"email":"{{{email}}}","firstName":"Ayşe","consentEmail":true}}
            """;
        using var answer = await nurture.Host.Client.SendAsync(Signed.Generic(json));
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
    }

    /// <summary>The clock moved on by <paramref name="span"/> and the nurture timer run.</summary>
    private static async Task PassAsync(NurtureHost nurture, TimeSpan span)
    {
        nurture.Clock.Offset += span;
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
