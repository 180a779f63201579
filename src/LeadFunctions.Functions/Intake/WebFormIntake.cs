using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// A web form's post, decided: where the browser may be sent back to, whether the idempotency key is
/// well formed, whether it looks like a bot, whether the fields are valid, and what consent evidence it carries.
/// A person's valid submission is queued; a bot's gets the same answer and nothing is stored.
/// </summary>
public sealed partial class WebFormIntake(
    ISubmissionQueue queue,
    IOptionsMonitor<IntakeOptions> options,
    TimeProvider time,
    IIdGenerator ids,
    IRandomSource random,
    ILogger<WebFormIntake> logger)
{
    public const string RedirectField = "redirect";
    private const string IdempotencyScope = "leads";

    public async Task<WebFormOutcome> SubmitAsync(WebFormPost post, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var redirectTo = post.Fields.GetValueOrDefault(RedirectField);
        Uri? redirect = null;
        if (!string.IsNullOrEmpty(redirectTo) && !settings.IsAllowedRedirect(redirectTo, out redirect))
        {
            return WebFormOutcome.Invalid(new Dictionary<string, string[]> { [RedirectField] = ["Must be a URL on a site allowed to post this form."] });
        }

        if (!IdempotencyKey.TryGetSubmissionId(post.IdempotencyKey, IdempotencyScope, ids, out var submissionId))
        {
            return WebFormOutcome.Invalid(IdempotencyKey.Malformed);
        }

        var now = time.GetUtcNow();
        var validation = LeadFormValidator.Validate(LeadFormFields.ToForm(post.Fields), submissionId, now);
        if (BotCheck.LooksLikeABot(post.Fields, now, settings.MinimumFillTime))
        {
            // The same answer a person gets, so the bot learns nothing; nothing is stored.
            var decoyId = validation.Value is { } wouldBe
                ? LeadId.FromEmail(wouldBe.Email)
                : random.NextHex(LeadId.Length);
            BotIgnored(logger, decoyId);
            return WebFormOutcome.Accepted(decoyId, redirect);
        }

        if (validation.Value is not { } submission)
        {
            return WebFormOutcome.Invalid(validation.Errors);
        }

        if (submission.ConsentEmail)
        {
            // Evidence of who ticked the box: the address and browser of the request that carried it.
            submission = submission with { ConsentIp = post.Client.Ip, ConsentUserAgent = post.Client.UserAgent };
        }

        await queue.EnqueueAsync(submission, cancellationToken);
        var leadId = LeadId.FromEmail(submission.Email);
        Accepted(logger, leadId, submission.Source);
        return WebFormOutcome.Accepted(leadId, redirect);
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Accepted a submission for lead {LeadId} from {Source}")]
    private static partial void Accepted(ILogger logger, string leadId, string source);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "A form submission for {LeadId} looked automated (honeypot or fill time); answered, not stored")]
    private static partial void BotIgnored(ILogger logger, string leadId);
}

/// <summary>A web form's fields, its Idempotency-Key header and the client that sent it.</summary>
public sealed record WebFormPost(IReadOnlyDictionary<string, string?> Fields, string? IdempotencyKey, RequestEvidence Client);

/// <summary>Accepted (the lead's id, and where to send the browser back to if the form said so), or field errors.</summary>
public sealed record WebFormOutcome(string? LeadId, Uri? Redirect, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static WebFormOutcome Accepted(string leadId, Uri? redirect) => new(leadId, redirect, null);

    public static WebFormOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, null, errors);
}
