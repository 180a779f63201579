using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// "Send me a test": a step rendered as <see cref="CampaignPreview"/> shows it, sent to an address the marketer
/// types. It carries lf_kind "test", so its SendGrid events count in no stats and engage no one
/// (<see cref="EmailEvents.SendGridEventClassifier"/>); it enrolls nobody, and its unsubscribe link is the
/// recipient's own, never the previewed person's.
/// </summary>
public sealed class CampaignTestSend(CampaignPreview preview, IEmailSender sender)
{
    public const string SubjectPrefix = "[Test] ";

    public async Task<TestSendOutcome> SendAsync(
        string campaignId,
        string? leadId,
        string stepId,
        string? language,
        string to,
        CancellationToken cancellationToken
    )
    {
        if (!EmailAddress.TryNormalize(to, out var address))
        {
            return new TestSendOutcome(TestSendResult.BadAddress);
        }

        var previewed = await preview.RenderAsync(campaignId, leadId, stepId, language, address, cancellationToken);
        if (previewed.Email is not { } email)
        {
            return new TestSendOutcome(TestSendResult.NotFound, previewed.Missing);
        }

        try
        {
            await sender.SendAsync(
                new OutgoingEmail
                {
                    To = address,
                    Subject = SubjectPrefix + email.Subject,
                    Html = email.Html,
                    Text = email.Text,
                    CustomArgs = new Dictionary<string, string>
                    {
                        [MailCustomArgs.LeadId] = LeadId.FromEmail(address),
                        [MailCustomArgs.Kind] = MailCustomArgs.TestKind,
                    },
                    Categories = [MailCustomArgs.TestKind],
                },
                cancellationToken
            );
            return new TestSendOutcome(TestSendResult.Sent, address);
        }
        catch (EmailSendException e)
        {
            return new TestSendOutcome(TestSendResult.Failed, e.Reason ?? e.Message);
        }
    }
}

public enum TestSendResult
{
    Sent,
    BadAddress,
    NotFound,
    Failed,
}

/// <summary>What became of a test send: to whom it went, what was not found, or why SendGrid did not take it.</summary>
public sealed record TestSendOutcome(TestSendResult Result, string? Detail = null);
