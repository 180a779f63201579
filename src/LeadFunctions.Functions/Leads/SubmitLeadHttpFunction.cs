using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Leads;

/// <summary>
/// POST /api/leads: validate a web form (JSON, URL-encoded or multipart), put it on lead-intake and
/// answer 202 (or 303 back to the form's site). No processing in the request.
/// </summary>
public sealed class SubmitLeadHttpFunction(ISubmissionQueue queue, IOptionsMonitor<IntakeOptions> options, TimeProvider time, ILogger<SubmitLeadHttpFunction> logger)
{
    public const int MaxBodyBytes = 64 * 1024;
    private const string RedirectField = "redirect";

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, problem) = await FormFields.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }

        var settings = options.CurrentValue;
        var redirectTo = fields.GetValueOrDefault(RedirectField);
        Uri? redirect = null;
        if (!string.IsNullOrEmpty(redirectTo) && !settings.IsAllowedRedirect(redirectTo, out redirect))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [RedirectField] = ["Must be a URL on a site allowed to post this form."] });
        }

        if (!IdempotencyKey.TryGetSubmissionId(request, "leads", out var submissionId))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = ["1 to 255 printable ASCII characters."] });
        }

        var now = time.GetUtcNow();
        var validation = LeadFormValidator.Validate(LeadFormFields.ToForm(fields), submissionId, now);
        if (BotCheck.LooksLikeABot(fields, now, settings.MinimumFillTime))
        {
            // The same answer a person gets, so the bot learns nothing; nothing is stored.
            var decoyId = validation.Value is { } wouldBe ? LeadId.FromEmail(wouldBe.Email) : Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            Log.BotIgnored(logger, decoyId);
            return Answer(request, decoyId, redirect);
        }

        if (validation.Value is not { } submission)
        {
            return Problems.Invalid(validation.Errors);
        }

        if (submission.ConsentEmail)
        {
            // Evidence of who ticked the box: the address and browser of the request that carried it.
            submission = submission with
            {
                ConsentIp = request.HttpContext.Connection.RemoteIpAddress?.ToString(),
                ConsentUserAgent = Truncate(request.Headers.UserAgent.ToString(), 512),
            };
        }

        await queue.EnqueueAsync(submission, cancellationToken);
        var leadId = LeadId.FromEmail(submission.Email);
        Log.Accepted(logger, leadId, submission.Source);
        return Answer(request, leadId, redirect);
    }

    private static string? Truncate(string value, int max) => value.Length == 0 ? null : value.Length <= max ? value : value[..max];

    private static IResult Answer(HttpRequest request, string leadId, Uri? redirect) =>
        redirect is not null
            ? new SeeOtherResult(redirect)
            : TypedResults.Accepted($"{request.PathBase}{request.Path}/{leadId}", new SubmissionAccepted(leadId, "accepted"));
}

public sealed record SubmissionAccepted(string Id, string Status);
