using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Consent;

public class ConsentLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static ConsentRecord Record(
        string id,
        ConsentAction action,
        DateTimeOffset at,
        ConsentChannel channel = ConsentChannel.Email
    ) =>
        new()
        {
            Id = id,
            Action = action,
            At = at,
            Source = ConsentSource.Form,
            Channel = channel,
        };

    private static ConsentState Fold(params ConsentRecord[] records) =>
        records.Aggregate(ConsentState.Empty, ConsentLedger.Apply);

    [Fact]
    public void Apply_RefusalAfterGrant_Withdraws_InEitherArrivalOrder()
    {
        var grant = Record("g", ConsentAction.Granted, T0);
        var refusal = Record("r", ConsentAction.Refused, T0.AddDays(1));
        Assert.Equal(ConsentStatus.Withdrawn, Fold(grant, refusal).Email);
        Assert.Equal(ConsentStatus.Withdrawn, Fold(refusal, grant).Email);
    }

    [Fact]
    public void Apply_GrantNewerThanRefusal_Grants_InEitherArrivalOrder()
    {
        var refusal = Record("r", ConsentAction.Refused, T0);
        var grant = Record("g", ConsentAction.Granted, T0.AddDays(1));
        Assert.Equal(ConsentStatus.Granted, Fold(refusal, grant).Email);
        Assert.Equal(ConsentStatus.Granted, Fold(grant, refusal).Email);
    }

    [Fact]
    public void Apply_RefusalAndGrantAtTheSameMoment_RefusalWins()
    {
        var grant = Record("g", ConsentAction.Granted, T0);
        var refusal = Record("r", ConsentAction.Withdrawn, T0);
        Assert.Equal(ConsentStatus.Withdrawn, Fold(grant, refusal).Email);
        Assert.Equal(ConsentStatus.Withdrawn, Fold(refusal, grant).Email);
    }

    [Fact]
    public void Apply_PendingThenConfirmed_Grants_SecondConfirmationChangesNothing()
    {
        var pending = Fold(Record("p", ConsentAction.Pending, T0));
        Assert.Equal(new ChannelConsent(ConsentStatus.Pending, T0, "p"), pending.For(ConsentChannel.Email));
        var confirmed = ConsentLedger.Apply(pending, Record("c1", ConsentAction.Confirmed, T0.AddHours(1)));
        Assert.Equal(ConsentStatus.Granted, confirmed.Email);
        Assert.Same(confirmed, ConsentLedger.Apply(confirmed, Record("c2", ConsentAction.Confirmed, T0.AddHours(2))));
    }

    [Fact]
    public void Apply_ConfirmationWithNothingPending_ChangesNothing()
    {
        var withdrawn = Fold(
            Record("p", ConsentAction.Pending, T0),
            Record("w", ConsentAction.Withdrawn, T0.AddHours(1))
        );
        Assert.Equal(
            ConsentStatus.Withdrawn,
            ConsentLedger.Apply(withdrawn, Record("c", ConsentAction.Confirmed, T0.AddHours(2))).Email
        );
    }

    [Fact]
    public void Apply_PendingWhileGranted_StaysGranted_NoNewConfirmationNeeded()
    {
        Assert.Equal(
            ConsentStatus.Granted,
            Fold(Record("g", ConsentAction.Granted, T0), Record("p", ConsentAction.Pending, T0.AddDays(1))).Email
        );
    }

    [Fact]
    public void Apply_OlderGrantArrivingWhilePending_Grants()
    {
        Assert.Equal(
            ConsentStatus.Granted,
            Fold(Record("p", ConsentAction.Pending, T0.AddDays(1)), Record("g", ConsentAction.Granted, T0)).Email
        );
    }

    [Fact]
    public void Apply_OtherChannel_LeavesEmailAlone()
    {
        var state = Fold(
            Record("g", ConsentAction.Granted, T0),
            Record("sms", ConsentAction.Refused, T0.AddDays(1), ConsentChannel.Sms)
        );
        Assert.Equal(ConsentStatus.Granted, state.Email);
        Assert.Equal(ConsentStatus.Withdrawn, state.For(ConsentChannel.Sms).Status);
        Assert.Equal(ConsentStatus.None, state.For(ConsentChannel.Call).Status);
    }

    [Theory]
    [InlineData("off", "web", "TR", false)]
    [InlineData("", "web", "TR", false)]
    [InlineData("all", "import", null, true)]
    [InlineData("web,fair,DE", "fair", "TR", true)]
    [InlineData("web,fair,DE", "webinar", "de", true)]
    [InlineData("web,fair,DE", "webinar", "TR", false)]
    [InlineData("web,fair,DE", "webinar", null, false)]
    public void DoubleOptIn_Requires_BySourceOrCountry(string setting, string source, string? country, bool expected)
    {
        Assert.True(DoubleOptInPolicy.TryParse(setting, out var policy, out _));
        Assert.Equal(expected, policy.Requires(source, country));
    }

    [Theory]
    [InlineData("web,Not A Source")]
    [InlineData("all,web")]
    [InlineData("fair,-x")]
    public void DoubleOptIn_BadSetting_SaysWhy(string setting)
    {
        Assert.False(DoubleOptInPolicy.TryParse(setting, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void SendPolicy_OnlyGrantedUnsuppressedLeads_AndMerchantsWherePolicyAllows()
    {
        var lead = new Lead
        {
            Id = LeadId.FromEmail("a@b.co"),
            Email = "a@b.co",
            Source = "web",
            CreatedAt = T0,
            UpdatedAt = T0,
            LastSubmittedAt = T0,
        };
        var granted = lead with { Consent = Fold(Record("g", ConsentAction.Granted, T0)) };
        Assert.True(SendPolicy.Decide(granted, suppressed: false, ConsentPolicy.OptIn).Allowed);
        Assert.False(SendPolicy.Decide(granted, suppressed: true, ConsentPolicy.OptIn).Allowed);
        Assert.False(SendPolicy.Decide(null, suppressed: false, ConsentPolicy.OptIn).Allowed);
        Assert.False(SendPolicy.Decide(lead, suppressed: false, ConsentPolicy.OptIn).Allowed);
        Assert.False(
            SendPolicy
                .Decide(
                    lead with
                    {
                        Consent = Fold(Record("p", ConsentAction.Pending, T0)),
                    },
                    false,
                    ConsentPolicy.OptIn
                )
                .Allowed
        );

        var merchant = lead with { RecipientType = RecipientType.Merchant };
        Assert.False(SendPolicy.Decide(merchant, false, ConsentPolicy.OptIn).Allowed);
        Assert.True(SendPolicy.Decide(merchant, false, ConsentPolicy.MerchantsUntilRefused).Allowed);
        var refused = merchant with { Consent = Fold(Record("r", ConsentAction.Refused, T0)) };
        Assert.False(SendPolicy.Decide(refused, false, ConsentPolicy.MerchantsUntilRefused).Allowed);
        Assert.False(SendPolicy.Decide(lead, false, ConsentPolicy.MerchantsUntilRefused).Allowed);
    }

    [Fact]
    public async Task Intake_TickedBox_GrantsOnTheLedger_UntickedBoxDoesNotWithdraw()
    {
        var pipeline = new Pipeline();
        var id = LeadId.FromEmail("ayse@acme.com.tr");
        await pipeline.Intake.ProcessAsync(
            Pipeline.Submission("s1") with
            {
                ConsentEmail = true,
                ConsentText = "v3",
                ConsentIp = "203.0.113.7",
            },
            default
        );
        Assert.Equal(ConsentStatus.Granted, pipeline.Store[id]!.Consent.Email);
        var record = Assert.Single(await pipeline.Store.ReadConsentAsync(id, default));
        Assert.Equal((ConsentAction.Granted, "v3", "203.0.113.7"), (record.Action, record.Text, record.Ip));
        Assert.Contains(pipeline.Store.Entries(id), e => e.Kind == TimelineKind.Consent);
        Assert.Single(pipeline.ConsentChanges.Changes);

        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s2"), default);
        Assert.Equal(ConsentStatus.Granted, pipeline.Store[id]!.Consent.Email);
        Assert.Empty(pipeline.Confirmations.Requests);
    }

    [Fact]
    public async Task Intake_DoubleOptInSource_IsPendingAndAsksForConfirmation_OnceRecordedEvenWhenRedelivered()
    {
        Assert.True(DoubleOptInPolicy.TryParse("web", out var doubleOptIn, out _));
        var pipeline = new Pipeline(ConsentSettings.Default with { DoubleOptIn = doubleOptIn });
        var id = LeadId.FromEmail("ayse@acme.com.tr");
        var submission = Pipeline.Submission("s1") with { ConsentEmail = true };
        await pipeline.Intake.ProcessAsync(submission, default);
        await pipeline.Intake.ProcessAsync(submission, default);

        Assert.Equal(ConsentStatus.Pending, pipeline.Store[id]!.Consent.Email);
        Assert.Single(await pipeline.Store.ReadConsentAsync(id, default));
        Assert.All(pipeline.Confirmations.Requests, r => Assert.Equal(new ConfirmationRequest(id, "submission-s1"), r));
        Assert.Equal(2, pipeline.Confirmations.Requests.Count);
    }

    [Fact]
    public async Task Recorder_DecisionForSomeoneNotYetALead_CountsWhenTheyBecomeOne()
    {
        var pipeline = new Pipeline();
        var refusal = new ConsentRecord
        {
            Id = "iys-1",
            Action = ConsentAction.Refused,
            At = Pipeline.Start.AddMinutes(-2),
            Source = ConsentSource.IysImport,
        };
        Assert.Equal(
            ConsentRecordOutcome.Recorded,
            await pipeline.Consent.RecordAsync("ayse@acme.com.tr", refusal, default)
        );
        Assert.Equal(
            ConsentRecordOutcome.Duplicate,
            await pipeline.Consent.RecordAsync("ayse@acme.com.tr", refusal, default)
        );

        // A form without the box ticked: the refusal still stands.
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1"), default);
        Assert.Equal(ConsentStatus.Withdrawn, pipeline.Store[LeadId.FromEmail("ayse@acme.com.tr")]!.Consent.Email);
    }

    [Fact]
    public async Task Recorder_SecondWithdrawal_IsEvidenceButNoChange()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1") with { ConsentEmail = true }, default);
        var first = new ConsentRecord
        {
            Id = "u1",
            Action = ConsentAction.Withdrawn,
            At = Pipeline.Start,
            Source = ConsentSource.UnsubscribeLink,
        };
        Assert.Equal(
            ConsentRecordOutcome.Recorded,
            await pipeline.Consent.RecordAsync("ayse@acme.com.tr", first, default)
        );
        Assert.Equal(
            ConsentRecordOutcome.NoChange,
            await pipeline.Consent.RecordAsync("ayse@acme.com.tr", first with { Id = "u2" }, default)
        );
        Assert.Equal(3, (await pipeline.Store.ReadConsentAsync(LeadId.FromEmail("ayse@acme.com.tr"), default)).Count);
    }
}
