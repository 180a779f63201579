using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Leads;

/// <summary>POST /api/leads: validate a web form, put it on lead-intake, answer 202. No processing in the request.</summary>
public sealed class SubmitLeadHttpFunction(ISubmissionQueue queue, TimeProvider time, ILogger<SubmitLeadHttpFunction> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }

        var (fields, problem) = await FormFields.ReadAsync(request, body, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }

        var validation = LeadFormValidator.Validate(LeadFormMapper.ToForm(fields), Guid.CreateVersion7().ToString("N"), time.GetUtcNow());
        if (validation.Value is not { } submission)
        {
            return Problems.Invalid(validation.Errors);
        }

        await queue.EnqueueAsync(submission, cancellationToken);
        var leadId = LeadId.FromEmail(submission.Email);
        Log.Accepted(logger, leadId, submission.Source);
        return TypedResults.Accepted($"{request.PathBase}{request.Path}/{leadId}", new SubmissionAccepted(leadId, "accepted"));
    }
}

public sealed record SubmissionAccepted(string Id, string Status);
