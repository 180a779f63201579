using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// A web form's post, decided: where the browser may be sent back to, whether the idempotency key is
/// well formed, whether it looks like a bot, whether the fields are valid, and what consent evidence it carries.
/// A person's valid submission is queued; a bot's gets the same answer and nothing is stored.
/// </summary>
public sealed class WebFormIntake(
    ISubmissionQueue queue,
    WebFormRules rules,
    TimeProvider time,
    IIdGenerator ids,
    IRandomSource random
)
{
    public const string RedirectField = "redirect";
    private const string IdempotencyScope = "leads";

    public async Task<WebFormOutcome> SubmitAsync(WebFormPost post, CancellationToken cancellationToken)
    {
        var redirectTo = post.Fields.GetValueOrDefault(RedirectField);
        Uri? redirect = null;
        if (!string.IsNullOrEmpty(redirectTo) && !rules.IsAllowedRedirect(redirectTo, out redirect))
        {
            return WebFormOutcome.Invalid(
                new Dictionary<string, string[]>
                {
                    [RedirectField] = ["Must be a URL on a site allowed to post this form."],
                }
            );
        }

        if (!IdempotencyKey.TryGetSubmissionId(post.IdempotencyKey, IdempotencyScope, ids, out var submissionId))
        {
            return WebFormOutcome.Invalid(IdempotencyKey.Malformed);
        }

        var now = time.GetUtcNow();
        var validation = LeadFormValidator.Validate(LeadFormFields.ToForm(post.Fields), submissionId, now);
        if (BotCheck.LooksLikeABot(post.Fields, now, rules.MinimumFillTime))
        {
            // The same answer a person gets, so the bot learns nothing; nothing is stored.
            var decoyId = validation.Value is { } wouldBe
                ? LeadId.FromEmail(wouldBe.Email)
                : random.NextHex(LeadId.Length);
            return WebFormOutcome.Ignored(decoyId, redirect);
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
        return WebFormOutcome.Accepted(LeadId.FromEmail(submission.Email), redirect, submission.Source);
    }
}

/// <summary>A web form's fields, its Idempotency-Key header and the client that sent it.</summary>
public sealed record WebFormPost(
    IReadOnlyDictionary<string, string?> Fields,
    string? IdempotencyKey,
    RequestEvidence Client
);

/// <summary>
/// Accepted (the lead's id, and where to send the browser back to if the form said so), or field errors. A post that
/// looked automated is answered as accepted, under a lead id that may be made up, with no <see cref="Source"/>: nothing
/// was queued.
/// </summary>
public sealed record WebFormOutcome(
    string? LeadId,
    Uri? Redirect,
    IReadOnlyDictionary<string, string[]>? Errors,
    string? Source
)
{
    public static WebFormOutcome Accepted(string leadId, Uri? redirect, string source) =>
        new(leadId, redirect, null, source);

    public static WebFormOutcome Ignored(string decoyId, Uri? redirect) => new(decoyId, redirect, null, null);

    public static WebFormOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, null, errors, null);
}

/// <summary>
/// What a web form's post is held to besides its fields: the origins (scheme://host[:port], lowercase) whose pages a
/// plain HTML form's "redirect" may send the browser back to, and the time a person needs at least to fill it in.
/// </summary>
public sealed class WebFormRules(IReadOnlySet<string> origins, TimeSpan minimumFillTime)
{
    /// <summary>A form filled faster than this (per its own formStartedAt) is a bot.</summary>
    public TimeSpan MinimumFillTime => minimumFillTime;

    public bool IsAllowedRedirect(string? target, out Uri? uri)
    {
        uri = null;
        return Uri.TryCreate(target, UriKind.Absolute, out var parsed)
            && parsed.Scheme is "http" or "https"
            && origins.Contains(parsed.GetLeftPart(UriPartial.Authority).ToLowerInvariant())
            && (uri = parsed) is not null;
    }
}

/// <summary>
/// Cheap bot signals on a web form: the hidden "website" field filled in, or the form submitted
/// faster than a person can fill it (its own "formStartedAt", unix milliseconds or ISO 8601; a time in
/// the future says nothing).
/// </summary>
public static class BotCheck
{
    public const string HoneypotField = "website";
    public const string StartedAtField = "formStartedAt";

    public static bool LooksLikeABot(
        IReadOnlyDictionary<string, string?> fields,
        DateTimeOffset now,
        TimeSpan minimumFillTime
    )
    {
        if (!string.IsNullOrEmpty(fields.GetValueOrDefault(HoneypotField)))
        {
            return true;
        }

        var started = fields.GetValueOrDefault(StartedAtField);
        if (string.IsNullOrEmpty(started))
        {
            return false;
        }

        if (Timestamp.Parse(started) is not { } at)
        {
            return false;
        }

        // The time comes from the visitor's clock: one that runs fast, or a local time written without its
        // offset (Istanbul is UTC+3), puts it in the future. That is no sign of a bot, and such people must not be
        // dropped.
        var fillTime = now - at;
        return fillTime >= TimeSpan.Zero && fillTime < minimumFillTime;
    }
}
