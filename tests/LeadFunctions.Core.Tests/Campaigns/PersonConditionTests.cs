using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Tests.Nurture;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>Each part of a condition on the person, alone and together.</summary>
public sealed class PersonConditionTests
{
    private static readonly Lead Ayse = NurtureWorld.Lead("ayse@acme.com.tr") with
    {
        Stage = LifecycleStage.Mql,
        Score = new LeadScore(30, 25),
        Temperature = Temperature.Warm,
        Industry = "Retail",
        RecipientType = RecipientType.Merchant,
        Language = Languages.English,
    };

    private static readonly Enrollment Enrolled = new()
    {
        CampaignId = "c",
        EnrolledAt = Pipeline.Start,
        Reason = "manual",
        Steps =
        [
            new StepRecord
            {
                StepId = "welcome",
                State = StepState.Sent,
                Opened = true,
            },
        ],
    };

    public static TheoryData<string, PersonCondition, bool> Parts =>
        new()
        {
            {
                "stage",
                new() { Stages = [LifecycleStage.Mql, LifecycleStage.Sql] },
                true
            },
            {
                "another stage",
                new() { Stages = [LifecycleStage.Sql] },
                false
            },
            {
                "score reached",
                new() { MinScore = 55 },
                true
            },
            {
                "score not reached",
                new() { MinScore = 56 },
                false
            },
            {
                "temperature",
                new() { Temperatures = [Temperature.Warm] },
                true
            },
            {
                "another temperature",
                new() { Temperatures = [Temperature.Hot] },
                false
            },
            {
                "country, any case",
                new() { Countries = ["tr"] },
                true
            },
            {
                "another country",
                new() { Countries = ["DE"] },
                false
            },
            {
                "industry, any case",
                new() { Industries = ["retail"] },
                true
            },
            {
                "another industry",
                new() { Industries = ["Finance"] },
                false
            },
            {
                "recipient type",
                new() { RecipientTypes = [RecipientType.Merchant] },
                true
            },
            {
                "another recipient type",
                new() { RecipientTypes = [RecipientType.Individual] },
                false
            },
            {
                "language",
                new() { Languages = [Languages.English] },
                true
            },
            {
                "another language",
                new() { Languages = [Languages.Turkish] },
                false
            },
            {
                "opened an email",
                new() { Opened = "welcome" },
                true
            },
            {
                "clicked it",
                new() { Clicked = "welcome" },
                false
            },
            {
                "all that hold",
                new()
                {
                    Stages = [LifecycleStage.Mql],
                    Countries = ["TR"],
                    Opened = "welcome",
                },
                true
            },
            {
                "one that does not",
                new() { Stages = [LifecycleStage.Mql], Countries = ["US"] },
                false
            },
        };

    [Theory]
    [MemberData(nameof(Parts))]
    public void HoldsFor_EachPart(string part, PersonCondition condition, bool holds) =>
        Assert.True(condition.HoldsFor(Ayse, Enrolled) == holds, part);

    [Fact]
    public void HoldsFor_AnIndustryTheLeadDoesNotHave_DoesNotHold() =>
        Assert.False(new PersonCondition { Industries = ["Retail"] }.HoldsFor(Ayse with { Industry = null }, Enrolled));
}
