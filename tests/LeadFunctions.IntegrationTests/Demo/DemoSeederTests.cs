using LeadFunctions.Core.Leads;
using LeadFunctions.Demo;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Demo;

/// <summary>
/// The data set ./run.sh --demo seeds, seeded the same way (the public routes of the real host) and run twice: what the
/// pipeline makes of it is what the demo promises a newcomer (channels merged into one lead per person, MQLs and hot
/// leads, sales decisions, enrollments in each campaign), and a second run changes none of it. A change to scoring,
/// stages or campaigns that empties the demo fails here instead of in front of someone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DemoSeederTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SeedAsync_TwiceThroughTheRoutes_TheDemoLeadsStagesAndEnrollments()
    {
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: $"--Webhooks:Generic:Secret={Signed.GenericSecret}"
        );
        var seeder = new DemoSeeder(
            new DemoClient(host.Client, TestHost.FunctionKey, Signed.GenericSecret),
            DemoData.Load(),
            TimeProvider.System,
            TextWriter.Null
        );

        var first = await seeder.SeedAsync(CancellationToken.None);
        var second = await seeder.SeedAsync(CancellationToken.None);

        var leads = first.Leads.ToDictionary(
            l => l.Email[..l.Email.IndexOf('@', StringComparison.Ordinal)],
            StringComparer.Ordinal
        );
        Assert.Equal(24, leads.Count);
        Assert.Equal(
            ["fair 9", "web 10", "webinar 5"],
            first.Leads.GroupBy(l => l.Source).Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal)
        );
        Assert.Equal("web", leads["zeynep.kaya"].Source); // the web form came first; the fair's row merged into her lead
        Assert.Equal("webinar", leads["oguz.kilic"].Source);

        Assert.Equal("opportunity", leads["mehmet.ozturk"].Stage);
        Assert.Equal("sql", leads["ahmet.celik"].Stage);
        Assert.Equal("disqualified", leads["emre.arslan"].Stage);
        Assert.Equal("subscriber", leads["deniz.aydin"].Stage);
        Assert.Equal(
            ["anna.kowalski", "ayse.yilmaz", "can.demir", "hulya.ozkan", "james.carter", "oguz.kilic"],
            Named(leads, l => l.Stage == "mql")
        );
        Assert.Equal(
            ["anna.kowalski", "james.carter", "mehmet.ozturk", "oguz.kilic"],
            Named(leads, l => l.Temperature == "hot")
        );
        // Five, and the two registrants of the webinar ahead (a registration is engagement).
        Assert.Equal(7, leads.Values.Count(l => l.Temperature == "warm"));

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["fuar-takip"] = 9,
                ["hos-geldiniz"] = 10,
                ["webinar-sonrasi"] = 3,
                ["webinar-yolculugu"] = 6,
            },
            first.Enrolled
        );

        // The webinar journey: a registrant of the webinar three days ahead waits for the reminder the day before at
        // 10:00 (Istanbul, the default zone), 14:00 being the webinar's start.
        var elif = (
            await host
                .Services.GetRequiredService<ILeadStore>()
                .LoadAsync(DemoData.Id("elif.sahin@sahin-lojistik.example"), CancellationToken.None)
        ).EnrollmentIn("webinar-yolculugu")!;
        var istanbul = TimeSpan.FromHours(3);
        Assert.Equal(
            (
                "gun-once",
                new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(istanbul).Date.AddDays(2).AddHours(10), istanbul)
            ),
            (elif.NextStepId, elif.NextDueAt)
        );
        Assert.Equal(11, first.FairImport.Accepted);
        var rejected = Assert.Single(first.FairImport.Rejected);
        Assert.Equal(9, rejected.Line);
        Assert.Contains("email", rejected.Errors.Keys);

        Assert.Equal(Shape(first), Shape(second));
        Assert.Equal(first.Enrolled, second.Enrolled);
    }

    private static IEnumerable<string> Named(Dictionary<string, DemoLead> leads, Func<DemoLead, bool> which) =>
        leads.Where(l => which(l.Value)).Select(l => l.Key).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Shape(DemoSummary summary) =>
        summary.Leads.Select(l => $"{l.Email} {l.Source} {l.Stage} {l.Temperature}").Order(StringComparer.Ordinal);
}
