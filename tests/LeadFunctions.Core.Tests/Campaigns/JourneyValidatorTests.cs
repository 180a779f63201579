using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>A journey's steps as written: waits, conditions, targets, reachability and loops.</summary>
public sealed class JourneyValidatorTests
{
    /// <summary>welcome → wait for a demo request or a click (7 days) → a condition on Turkey → two offers; the
    /// timeout jumps to a last nudge.</summary>
    public static CampaignDefinition Journey() =>
        CampaignValidatorTests.Example() with
        {
            Steps =
            [
                Email("welcome", "PT0S"),
                new StepDefinition("wait-demo", null, null, null, null)
                {
                    WaitFor = new WaitDefinition(["demo_request"], null, null, null, "welcome"),
                    AtMost = "P7D",
                    Then = "in-turkey",
                    Timeout = "nudge",
                },
                new StepDefinition("in-turkey", null, null, null, null)
                {
                    If = new ConditionDefinition { Countries = ["TR"], RecipientTypes = ["merchant"] },
                    Then = "tr-offer",
                    Else = "global-offer",
                },
                Email("tr-offer", "PT1H") with
                {
                    Next = "end",
                },
                Email("global-offer", "PT1H") with
                {
                    Next = "end",
                },
                Email("nudge", "PT0S"),
            ],
        };

    private static StepDefinition Email(string id, string delay) =>
        new(id, delay, $"{id} {{{{ lead.firstName }}}}", $"<p>{id}</p>", id);

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(params StepDefinition[] steps) =>
        CampaignValidator.Validate("journey", Journey() with { Steps = steps }).Errors;

    private static StepDefinition Step(int index) => Journey().Steps![index]!;

    [Fact]
    public void Validate_AJourney_TypedSteps_AndWrittenBackTheSame()
    {
        var result = CampaignValidator.Validate("journey", Journey());

        Assert.Empty(result.Errors);
        var campaign = result.Value!;
        Assert.True(campaign.IsJourney());
        var wait = campaign.Steps[1].Wait!;
        Assert.Equal(["demo_request"], wait.Until.Events);
        Assert.Equal(("welcome", TimeSpan.FromDays(7)), (wait.Until.Clicked, wait.AtMost));
        Assert.Equal([RecipientType.Merchant], campaign.Steps[2].Condition!.If.RecipientTypes);
        Assert.Null(campaign.Steps[2].Content);

        var written = JsonSerializer.Serialize(CampaignDefinition.From(campaign), JsonDefaults.Options);
        var again = CampaignValidator.Validate(
            "journey",
            JsonSerializer.Deserialize<CampaignDefinition>(written, JsonDefaults.Options)!
        );
        Assert.Empty(again.Errors);
        Assert.Equal(
            JsonSerializer.Serialize(campaign, JsonDefaults.Options),
            JsonSerializer.Serialize(again.Value, JsonDefaults.Options)
        );
    }

    [Fact]
    public void Validate_ATargetThatIsNoStep_NamedByItsField()
    {
        var errors = ErrorsOf(Step(0), Step(1) with { Timeout = "nudgee" }, Step(2), Step(3), Step(4), Step(5));

        Assert.Contains("'nudgee' is not a step", Assert.Single(errors["steps[1].timeout"]));
    }

    [Fact]
    public void Validate_AStepNothingLeadsTo_Refused()
    {
        var errors = ErrorsOf(Step(0), Step(1) with { Timeout = "end" }, Step(2), Step(3), Step(4), Step(5));

        Assert.Equal(["No step leads here: nobody would ever reach it."], errors["steps[5]"]);
    }

    [Fact]
    public void Validate_ALoopWithoutADelay_Refused_WithADelayOrAWait_Taken()
    {
        var loop = ErrorsOf(
            Step(0) with
            {
                Next = "again",
            },
            new StepDefinition("again", null, null, null, null)
            {
                If = new ConditionDefinition { MinScore = 10 },
                Then = "end",
                Else = "welcome",
            }
        );
        Assert.Contains("A loop with no delay ('welcome' → 'again' → 'welcome')", Assert.Single(loop["steps[0]"]));

        var delayed = ErrorsOf(
            Email("welcome", "P1D") with
            {
                Next = "again",
            },
            new StepDefinition("again", null, null, null, null)
            {
                If = new ConditionDefinition { MinScore = 10 },
                Then = "end",
                Else = "welcome",
            }
        );
        Assert.Empty(delayed);
    }

    [Fact]
    public void Validate_FieldsOfAnotherKind_OnAWaitOrACondition_Refused()
    {
        var errors = ErrorsOf(
            Step(0),
            Step(1) with
            {
                Delay = "PT1H",
                Subject = "Hi",
                Else = "nudge",
                Variants = [],
            },
            Step(2) with
            {
                AtMost = "P1D",
                Timeout = "nudge",
            },
            Step(3) with
            {
                Then = "nudge",
            },
            Step(4),
            Step(5)
        );

        Assert.Equal(
            [
                "steps[1].delay",
                "steps[1].else",
                "steps[1].subject",
                "steps[1].variants",
                "steps[2].atMost",
                "steps[2].timeout",
                "steps[3].then",
            ],
            errors.Keys.Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Validate_EmptyWaitAndCondition_ZeroWait_UnknownValues_Refused()
    {
        var errors = ErrorsOf(
            Step(0),
            Step(1) with
            {
                WaitFor = new WaitDefinition(null, null, null, null, null),
                AtMost = "PT0S",
            },
            Step(2) with
            {
                If = new ConditionDefinition
                {
                    Stages = ["warm"],
                    RecipientTypes = ["robot"],
                    Languages = ["de"],
                },
            },
            Step(3),
            Step(4),
            Step(5)
        );

        Assert.Equal(
            [
                "steps[1].atMost",
                "steps[1].waitFor",
                "steps[2].if.languages",
                "steps[2].if.recipientTypes",
                "steps[2].if.stages",
            ],
            errors.Keys.Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Validate_EngagementWithAStepThatIsNoEmail_OrAStepCalledEnd_Refused()
    {
        var errors = ErrorsOf(
            Email("end", "PT0S"),
            Step(1) with
            {
                WaitFor = new WaitDefinition(null, null, null, "in-turkey", null),
                Then = "in-turkey",
            },
            Step(2),
            Step(3),
            Step(4),
            Step(5)
        );

        Assert.Contains("steps[0].id", errors.Keys);
        Assert.Contains("'in-turkey' is not an email step", Assert.Single(errors["steps[1].waitFor.opened"]));
    }

    [Fact]
    public void Validate_StraightLineCampaign_AStepCalledEnd_StillValid()
    {
        Assert.Empty(ErrorsOf(Email("welcome", "PT0S"), Email("end", "P1D")));
    }

    [Fact]
    public void Validate_TimesPeopleMean_TakenAndWrittenBack()
    {
        var result = CampaignValidator.Validate(
            "times",
            Journey() with
            {
                Steps =
                [
                    Email("reminder", "PT0S") with
                    {
                        Delay = null,
                        At = new AtDefinition("10:00", null, EnrollmentDates.WebinarStartsAt, "-P1D"),
                    },
                    Email("weekday", "P1D") with
                    {
                        At = new AtDefinition("10:00", ["Mon", "Fri"], null, null),
                    },
                ],
            }
        );

        Assert.Empty(result.Errors);
        var (reminder, weekday) = (result.Value!.Steps[0].At!, result.Value.Steps[1].At!);
        Assert.Equal((new TimeOnly(10, 0), TimeSpan.FromDays(-1)), (reminder.Time, reminder.Offset));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], weekday.Days);
        var written = CampaignDefinition.From(result.Value).Steps!;
        Assert.Equal((null, "-P1D"), (written[0]!.Delay, written[0]!.At!.Offset));
        Assert.Equal(("P1D", null), (written[1]!.Delay, written[1]!.At!.Offset));
    }

    [Fact]
    public void Validate_TimesPeopleMean_Mistakes_NamedByTheirFields()
    {
        var errors = ErrorsOf(
            Email("a", "PT0S") with
            {
                At = new AtDefinition(null, null, "webinar.endsAt", null),
            },
            Email("b", "PT0S") with
            {
                At = new AtDefinition("25:00", null, null, "-P1D"),
            },
            Email("c", "PT0S") with
            {
                At = new AtDefinition(null, ["Mon"], null, null),
            },
            Email("d", "PT0S") with
            {
                At = new AtDefinition("10:00", null, EnrollmentDates.WebinarStartsAt, "-P2Y"),
            }
        );

        Assert.Equal(
            [
                "steps[0].at.relativeTo",
                "steps[0].delay",
                "steps[1].at.offset",
                "steps[1].at.time",
                "steps[2].at",
                "steps[2].at.days",
                "steps[3].at.offset",
                "steps[3].delay",
            ],
            errors.Keys.Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Validate_Reenter_TakenAndWrittenBack_NoTimeRefused()
    {
        var taken = CampaignValidator.Validate(
            "again",
            CampaignValidatorTests.Example() with
            {
                Reenter = new ReenterDefinition("P90D"),
            }
        );
        Assert.Equal(TimeSpan.FromDays(90), taken.Value!.Reenter!.After);
        Assert.Equal("P90D", CampaignDefinition.From(taken.Value).Reenter!.After);

        var none = CampaignValidator.Validate(
            "again",
            CampaignValidatorTests.Example() with
            {
                Reenter = new ReenterDefinition("PT0S"),
            }
        );
        Assert.Contains("More than PT0S", Assert.Single(none.Errors["reenter.after"]));
    }
}
