using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Tests.Nurture;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>A/B variants of an email step: chosen by a stable hash by weight, counted per variant, switched off while
/// running.</summary>
public sealed class VariantTests
{
    private static readonly Campaign AbTest = NurtureWorld.Campaign("ab", ("welcome", TimeSpan.Zero)) with
    {
        Steps = [new CampaignStep { Id = "welcome", Variants = [Variant("plain", 1), Variant("bold", 3)] }],
    };

    private static StepVariant Variant(string id, int weight, bool active = true) =>
        new(
            id,
            weight,
            active,
            new StepContent($"{id} subject", $"<p>{id}</p>", id),
            new Dictionary<string, StepContent>()
        );

    [Fact]
    public async Task Variants_EachPersonOneByWeight_TheSameOneEveryTime_CountedPerVariant()
    {
        var world = new NurtureWorld();
        world.Put(AbTest);
        var emails = Enumerable.Range(0, 400).Select(i => $"kisi{i}@acme.com.tr").ToList();
        foreach (var email in emails)
        {
            await world.EnrollAsync(NurtureWorld.Lead(email), AbTest);
        }

        await world.TickAsync();

        Assert.Equal(400, world.Email.Sent.Count);
        var plain = world.Email.Sent.Count(e => e.Subject == "plain subject");
        Assert.InRange(plain, 70, 130); // a quarter of 400, give or take three standard deviations
        Assert.Equal(400 - plain, world.Email.Sent.Count(e => e.Subject == "bold subject"));
        var stats = await world.Pipeline.Stats.ReadAsync("ab", default);
        Assert.Equal(
            (plain, 400 - plain, 400L),
            (
                stats.Variants["welcome"]["plain"][CampaignMetric.Sent],
                stats.Variants["welcome"]["bold"][CampaignMetric.Sent],
                stats.Steps["welcome"][CampaignMetric.Sent]
            )
        );
        foreach (var sent in world.Email.Sent.Take(20))
        {
            var lead = NurtureWorld.Lead(sent.To);
            var again = StepVariants.For(AbTest.Steps[0], lead.Id, "ab", 0).Variant;
            Assert.Equal(sent.Subject, $"{again} subject");
            Assert.Equal(again, world.EnrollmentOf(lead.Id, "ab")!.Step("welcome")!.Variant);
        }
    }

    [Fact]
    public async Task Variants_OneSwitchedOffWhileRunning_SentToNobodyMore_ItsOpensStillCounted()
    {
        var world = new NurtureWorld();
        world.Put(AbTest);
        await world.EnrollAsync(NurtureWorld.Lead("ilk@acme.com.tr"), AbTest);
        await world.TickAsync();
        var first = Assert.Single(world.Email.Sent);

        world.Put(
            AbTest with
            {
                Steps = [AbTest.Steps[0] with { Variants = [Variant("plain", 1, active: false), Variant("bold", 3)] }],
            }
        );
        for (var i = 0; i < 40; i++)
        {
            await world.EnrollAsync(NurtureWorld.Lead($"sonra{i}@acme.com.tr"), AbTest);
        }

        await world.TickAsync();
        Assert.All(world.Email.Sent.Skip(1), e => Assert.Equal("bold subject", e.Subject));

        var firstVariant = first.Subject.Split(' ')[0];
        await world.Pipeline.Recorder.RecordAsync(
            new SendGridEvent
            {
                EventId = "open-1",
                Type = "open",
                At = world.Now,
                Email = first.To,
                LeadId = LeadId.FromEmail(first.To),
                SendId = first.CustomArgs[MailCustomArgs.SendId],
                Campaign = "ab",
                Step = "welcome",
                Kind = MailCustomArgs.NurtureKind,
            },
            default
        );
        var stats = await world.Pipeline.Stats.ReadAsync("ab", default);
        Assert.Equal(1, stats.Variants["welcome"][firstVariant][CampaignMetric.Opened]);
    }

    [Fact]
    public void For_AVariantSwitchedOffOrAdded_MovesOnlyThePeopleItLosesOrWins()
    {
        var step = AbTest.Steps[0];
        var off = step with { Variants = [Variant("plain", 1, active: false), Variant("bold", 3)] };
        var added = step with { Variants = [.. step.Variants, Variant("emoji", 2)] };
        foreach (var lead in Enumerable.Range(0, 400).Select(i => LeadId.FromEmail($"kisi{i}@acme.com.tr")))
        {
            var before = StepVariants.For(step, lead, "ab", 0).Variant;
            Assert.Equal("bold", StepVariants.For(off, lead, "ab", 0).Variant);
            Assert.Contains(StepVariants.For(added, lead, "ab", 0).Variant, new[] { before, "emoji" });
        }
    }

    [Fact]
    public void For_ATryOnceMore_KeepsTheVariantOfTheFirst_EvenSwitchedOff()
    {
        var off = AbTest.Steps[0] with { Variants = [Variant("plain", 1, active: false), Variant("bold", 3)] };

        Assert.Equal("plain", StepVariants.For(off, "lead", "ab", 0, already: "plain").Variant);
        Assert.Equal("plain subject", StepVariants.For(off, "lead", "ab", 0, already: "plain").Step.Content!.Subject);
    }

    [Fact]
    public void Validate_Variants_TakenAndWrittenBack_MistakesNamed()
    {
        StepDefinition Step(params VariantDefinition?[] variants) =>
            new("welcome", "PT0S", null, null, null) { Variants = variants };
        VariantDefinition Written(string id, int? weight = null, bool? active = null) =>
            new(id, weight, active, $"{id} {{{{ lead.firstName }}}}", $"<p>{id}</p>", id);

        var taken = CampaignValidator.Validate(
            "ab",
            CampaignValidatorTests.Example() with
            {
                Steps = [Step(Written("a"), Written("b", 3, false))],
            }
        );
        Assert.Empty(taken.Errors);
        Assert.Equal(
            [("a", 1, true), ("b", 3, false)],
            taken.Value!.Steps[0].Variants.Select(v => (v.Id, v.Weight, v.Active))
        );
        Assert.Equal(["a", "b"], CampaignDefinition.From(taken.Value).Steps![0]!.Variants!.Select(v => v!.Id));

        var errors = CampaignValidator
            .Validate(
                "ab",
                CampaignValidatorTests.Example() with
                {
                    Steps =
                    [
                        Step(Written("a", active: false), Written("a", 0, false)) with
                        {
                            Subject = "both",
                        },
                        Step(Written("only")) with
                        {
                            Id = "second",
                        },
                    ],
                }
            )
            .Errors;
        Assert.Equal(
            [
                "steps[0].subject",
                "steps[0].variants",
                "steps[0].variants[1].id",
                "steps[0].variants[1].weight",
                "steps[1].variants",
            ],
            errors.Keys.Order(StringComparer.Ordinal)
        );
    }
}
