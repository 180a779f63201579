using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.EmailEvents;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.EmailEvents;

public class SendGridEventClassifierTests
{
    private static SendGridEventEffect Classify(
        string type,
        string? bounceType = null,
        bool machineOpen = false,
        string? reason = null,
        string? kind = null
    ) =>
        SendGridEventClassifier.Classify(
            new SendGridEvent
            {
                EventId = "e1",
                Type = type,
                At = DateTimeOffset.UnixEpoch,
                Email = "a@example.com",
                LeadId = "0123456789abcdef0123456789abcdef",
                BounceType = bounceType,
                MachineOpen = machineOpen,
                Reason = reason,
                Kind = kind,
            }
        );

    [Theory]
    [InlineData("open")]
    [InlineData("click")]
    [InlineData("delivered")]
    [InlineData("processed")]
    public void Classify_ATestSendsOpenClickOrDelivery_CountsForNothing(string type)
    {
        Assert.Equal(SendGridEventEffect.Ignore, Classify(type, kind: MailCustomArgs.TestKind));
        Assert.NotEqual(SendGridEventEffect.Ignore, Classify(type, kind: MailCustomArgs.NurtureKind));
    }

    [Fact]
    public void Classify_ATestSendsSpamReport_StillSuppressesTheAddress() =>
        Assert.Equal(
            SendGridEventEffect.Suppress(SuppressionReason.SpamReport),
            Classify("spamreport", kind: MailCustomArgs.TestKind)
        );

    [Theory]
    [InlineData("open", EventTypes.EmailOpen)]
    [InlineData("click", EventTypes.EmailClick)]
    public void Classify_OpenAndClick_Engagement(string type, string engagementType) =>
        Assert.Equal(SendGridEventEffect.Engage(engagementType), Classify(type));

    [Fact]
    public void Classify_MachineOpen_Ignored() =>
        Assert.Equal(SendGridEventEffect.Ignore, Classify("open", machineOpen: true));

    [Fact]
    public void Classify_IgnoredClick_IgnoredAndNoStepFlagEither()
    {
        var click = new SendGridEvent
        {
            EventId = "c1",
            Type = "click",
            At = DateTimeOffset.UnixEpoch,
            Email = "a@example.com",
            LeadId = "0123456789abcdef0123456789abcdef",
            IgnoredClick = true,
        };

        Assert.Equal(SendGridEventEffect.Ignore, SendGridEventClassifier.Classify(click));
        Assert.Null(NurtureEventRecorder.Metric(click));
    }

    [Theory]
    [InlineData("bounce", "bounce", SuppressionReason.HardBounce)]
    [InlineData("bounce", null, SuppressionReason.HardBounce)]
    [InlineData("spamreport", null, SuppressionReason.SpamReport)]
    [InlineData("unsubscribe", null, SuppressionReason.Unsubscribed)]
    [InlineData("group_unsubscribe", null, SuppressionReason.Unsubscribed)]
    public void Classify_HardBounceDropSpamUnsubscribe_Suppress(
        string type,
        string? bounceType,
        SuppressionReason reason
    ) => Assert.Equal(SendGridEventEffect.Suppress(reason), Classify(type, bounceType));

    [Theory]
    [InlineData("Bounced Address")]
    [InlineData("Unsubscribed Address")]
    [InlineData("Spam Reporting Address")]
    [InlineData("Invalid")]
    [InlineData("invalid ")]
    public void Classify_DroppedForThePersonsReason_Suppress(string reason) =>
        Assert.Equal(SendGridEventEffect.Suppress(SuppressionReason.Dropped), Classify("dropped", reason: reason));

    [Theory]
    [InlineData("Recipient List over Package Quota")]
    [InlineData("Spam Content (if spam checker app enabled)")]
    [InlineData("Invalid SMTPAPI header")]
    [InlineData(null)]
    public void Classify_DroppedForAReasonNotThePersons_RecordedWithTheSendNotSuppressed(string? reason) =>
        Assert.Equal(SendGridEventEffect.RecordDelivery, Classify("dropped", reason: reason));

    [Theory]
    [InlineData("processed", null)]
    [InlineData("delivered", null)]
    [InlineData("deferred", null)]
    [InlineData("bounce", "blocked")]
    public void Classify_DeliveryAndSoftBounce_Recorded(string type, string? bounceType) =>
        Assert.Equal(SendGridEventEffect.RecordDelivery, Classify(type, bounceType));

    [Theory]
    [InlineData("group_resubscribe")]
    [InlineData("account_status_change")]
    [InlineData("OPEN")]
    public void Classify_UnknownType_Unhandled(string type) =>
        Assert.Equal(SendGridEventEffect.Unhandled, Classify(type));
}
