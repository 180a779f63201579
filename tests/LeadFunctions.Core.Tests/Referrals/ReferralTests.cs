using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Referrals;

namespace LeadFunctions.Core.Tests.Referrals;

public class ReferralTests
{
    private const string Referrer = "mehmet@acme.com.tr";

    [Fact]
    public async Task AReferredLead_IsIndexedUnderItsReferrer_AndFollowedAsItsStageMoves()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1") with { ReferredBy = Referrer }, default);
        var id = LeadId.FromEmail("ayse@acme.com.tr");
        Assert.Equal(Referrer, pipeline.Store[id]!.ReferredBy);
        Assert.Equal(LifecycleStage.Lead, Assert.Single(await ListAsync(pipeline)).Stage);

        // A demo request takes her over the MQL threshold: the index follows.
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e1", EventTypes.DemoRequest), default);
        await pipeline.Engagement.ProcessAsync(pipeline.Event("e2", EventTypes.PricingPageView), default);
        var referral = Assert.Single(await ListAsync(pipeline));
        Assert.Equal(LifecycleStage.Mql, pipeline.Store[id]!.Stage);
        Assert.Equal(
            (Referrer, id, LifecycleStage.Mql),
            (referral.ReferrerEmail, referral.ReferredLeadId, referral.Stage)
        );
        Assert.Equal(LeadId.FromEmail(Referrer), referral.ReferrerLeadId);
    }

    [Fact]
    public async Task TheFirstReferral_IsKept_ALaterSubmissionNamingAnotherDoesNotMoveIt()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1") with { ReferredBy = Referrer }, default);
        await pipeline.Intake.ProcessAsync(
            Pipeline.Submission("s2") with
            {
                ReferredBy = "zeynep@acme.com.tr",
                ReceivedAt = Pipeline.Start,
            },
            default
        );

        Assert.Equal(Referrer, pipeline.Store[LeadId.FromEmail("ayse@acme.com.tr")]!.ReferredBy);
        Assert.Equal(Referrer, Assert.Single(await ListAsync(pipeline)).ReferrerEmail);
    }

    [Theory]
    [InlineData("not an email", "Not a valid email address (the referrer's).")]
    [InlineData("AYSE@acme.com.tr", "A person cannot refer themselves.")]
    public void Validate_ABadReferrer_IsAFieldError(string referredBy, string message)
    {
        var result = LeadFormValidator.Validate(
            new LeadForm { Email = "ayse@acme.com.tr", ReferredBy = referredBy },
            "s1",
            Pipeline.Start
        );
        Assert.Equal([message], result.Errors[LeadFormFields.ReferredBy]);
    }

    [Fact]
    public void Report_PutsTheReferrerWithMostCustomersFirst_CountingEachStage()
    {
        var at = Pipeline.Start;
        var report = ReferralReport.Build([
            new Referral("a@x.com", "l1", LifecycleStage.Lead, at),
            new Referral("a@x.com", "l2", LifecycleStage.Lead, at),
            new Referral("a@x.com", "l3", LifecycleStage.Mql, at),
            new Referral("b@x.com", "l4", LifecycleStage.Customer, at),
        ]);

        Assert.Equal(["b@x.com", "a@x.com"], report.Select(r => r.ReferrerEmail));
        Assert.Equal(1, report[0].Customers);
        Assert.Equal(new Dictionary<string, int> { ["lead"] = 2, ["mql"] = 1 }, report[1].ByStage);
        Assert.Equal(3, report[1].Referrals);
    }

    private static async Task<List<Referral>> ListAsync(Pipeline pipeline) =>
        await pipeline.Referrals.ListAsync(default).ToListAsync();
}
