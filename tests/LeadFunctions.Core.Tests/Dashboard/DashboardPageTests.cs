using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Dashboard;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Reports;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Dashboard;

public class DashboardPageTests
{
    private const string Script = "<script>window.__pwned=1</script>";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Lead Lead(
        string id,
        int score,
        Temperature temperature,
        string? firstName = "Ayşe",
        LifecycleStage stage = LifecycleStage.Lead
    ) =>
        new()
        {
            Id = id,
            Email = $"{id}@example.com",
            FirstName = firstName,
            Source = "web",
            Stage = stage,
            Score = new LeadScore(score, 0),
            Temperature = temperature,
            CreatedAt = Now,
            UpdatedAt = Now,
            LastSubmittedAt = Now,
        };

    private static DashboardView View(string hostile)
    {
        var reached = new Dictionary<string, long> { ["lead"] = 3, ["mql"] = 1 };
        var funnel = new FunnelGroup(hostile, reached, new Dictionary<string, double?>(), 0, [], null, null);
        var mql = Lead("m1", 70, Temperature.Hot, hostile, LifecycleStage.Mql) with { Company = hostile };
        var campaign = new CampaignLine(
            "welcome",
            hostile,
            true,
            new Dictionary<CampaignMetric, long> { [CampaignMetric.Sent] = 4, [CampaignMetric.Uncertain] = 1 }
        );
        return new DashboardView(
            Now,
            "2025-12",
            [funnel],
            LeadSample.Of(
                new LeadPage(
                    [
                        Lead("a", 5, Temperature.Cold),
                        Lead("b", 45, Temperature.Warm),
                        Lead("c", 95, Temperature.Hot),
                        Lead("d", -3, Temperature.Cold),
                    ],
                    "more"
                )
            ),
            RecentMqls.Of(new LeadPage([mql], null), 10),
            [campaign],
            new WorkState(hostile, [new QueueLine("lead-intake", 2, 1, TimeSpan.FromMinutes(7), true)], 1, 2)
        );
    }

    [Theory]
    [InlineData(Script)]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("</svg><svg onload=alert(1)>")]
    public void Render_HostileValuesEverywhere_ShownAsTextNeverAsMarkup(string hostile)
    {
        var html = DashboardPage.Render(View(hostile), Languages.English);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CampaignNamedWithAScript_TheNameIsTextInItsCell()
    {
        var campaign = new CampaignLine("c1", Script, true, new Dictionary<CampaignMetric, long>());
        var view = View("fair") with { Campaigns = [campaign] };

        var html = DashboardPage.Render(view, Languages.English);

        Assert.Contains(
            "<td>&lt;script&gt;window.__pwned=1&lt;/script&gt; (c1, active)</td>",
            html,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(
        Languages.English,
        "(brake, paused by the spam brake: 3 spam reports of 900 deliveries in the last day;"
    )]
    [InlineData(Languages.Turkish, "(brake, spam freni durdurdu: son bir günde 900 teslimattan 3 tanesi spam olarak")]
    public void Render_CampaignPausedByTheSpamBrake_SaysWhyInItsCell(string language, string expected)
    {
        var trip = new SpamBrakeTrip(DateTimeOffset.UnixEpoch, 3, 900);
        var campaign = new CampaignLine("brake", "Fuar", false, new Dictionary<CampaignMetric, long>(), trip);

        var html = DashboardPage.Render(View("fair") with { Campaigns = [campaign] }, language);

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NothingYet_NoTablesButTheCharts_AllClear()
    {
        var empty = new DashboardView(
            Now,
            "2025-12",
            [],
            LeadSample.Of(new LeadPage([], null)),
            RecentMqls.Of(new LeadPage([], null), 10),
            [],
            new WorkState(null, [], 0, 0)
        );

        var html = DashboardPage.Render(empty, Languages.Turkish);

        const string AllClear = "<section id=\"work\" class=\"clear\"><h2>Geciken veya başarısız işler</h2>";
        Assert.Contains(AllClear, html, StringComparison.Ordinal);
        Assert.Contains("<p>Geciken veya başarısız iş yok.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg ").Length - 1);
        Assert.Equal(2, html.Split("<p>Henüz yok.</p>").Length - 1);
    }

    [Fact]
    public void Render_SeededView_EverySectionWithItsValues()
    {
        var html = DashboardPage.Render(View("fair"), Languages.English);

        foreach (var section in new[] { "work", "funnel", "scores", "temperatures", "mqls", "campaigns" })
        {
            Assert.Contains($"<section id=\"{section}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<section id=\"work\" class=\"attention\">", html, StringComparison.Ordinal);
        Assert.Contains("0:07:00 (overdue)", html, StringComparison.Ordinal);
        Assert.Matches("<p id=\"failed\">Sends SendGrid refused [^<]*<strong>2</strong></p>", html);
        Assert.Contains("A sample of 4 leads", html, StringComparison.Ordinal);
        Assert.Contains("The newest of all 1 MQL-stage leads.", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Turkish_TurkishWordsAndLanguage()
    {
        var html = DashboardPage.Render(View("fair"), Languages.Turkish);

        Assert.StartsWith("<!doctype html><html lang=\"tr\">", html, StringComparison.Ordinal);
        Assert.Contains("Kaynağa göre huni", html, StringComparison.Ordinal);
        Assert.Contains("Sonucu belirsiz gönderimler", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadSampleOf_ScoresAndTemperatures_CountedInBands()
    {
        var sample = View("fair").Sample;

        Assert.Equal([2, 0, 1, 0, 1], sample.ScoreBands.Select(b => b.Count));
        Assert.Equal(
            (2, 1, 1),
            (
                sample.Temperatures[Temperature.Cold],
                sample.Temperatures[Temperature.Warm],
                sample.Temperatures[Temperature.Hot]
            )
        );
        Assert.False(sample.Complete);
    }

    [Fact]
    public void Render_OnlyAFailedSend_NeedsAttention()
    {
        var work = new WorkState(null, [], UncertainSends: 0, FailedSends: 1);

        Assert.True(work.NeedsAttention);
        Assert.False((work with { FailedSends = 0 }).NeedsAttention);
    }
}
