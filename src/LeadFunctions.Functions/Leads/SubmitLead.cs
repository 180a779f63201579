using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Intake;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Leads;

/// <summary>
/// POST /api/leads: a web form (JSON, URL-encoded or multipart) through <see cref="WebFormIntake"/>, answered
/// 202 (or 303 back to the form's site) or 400. No processing in the request.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous, "post", Route = "leads", PublicIntake = true,
    Summary = "Submit one lead from a web form (JSON, urlencoded or multipart); answers 202 with its id.",
    BodyExample = """
        { "email": "ayse.yilmaz@example.com", "firstName": "Ayşe", "lastName": "Yılmaz", "company": "Örnek A.Ş.",
          "jobTitle": "IT Director", "phone": "+905321234567", "country": "TR", "source": "web",
          "utm_source": "newsletter", "consentEmail": true, "consentText": "E-posta ile bilgi almak istiyorum.", "language": "tr" }
        """,
    Problems = new[] { StatusCodes.Status429TooManyRequests })]
public sealed class SubmitLead(WebFormIntake intake)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, problem) = await FormFields.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }

        var post = new WebFormPost(fields, request.Headers[IdempotencyKey.HeaderName].FirstOrDefault(), ClientEvidence.From(request));
        return await intake.SubmitAsync(post, cancellationToken) switch
        {
            { Errors: { } errors } => Problems.Invalid(errors),
            { Redirect: { } redirect } => new SeeOtherResult(redirect),
            { LeadId: var leadId } => TypedResults.Accepted($"{request.PathBase}{request.Path}/{leadId}", new SubmissionAccepted(leadId!, "accepted")),
        };
    }
}

public sealed record SubmissionAccepted(string Id, string Status);
