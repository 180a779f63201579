using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Leads;

/// <summary>
/// POST /api/leads: a web form (JSON, URL-encoded or multipart) through <see cref="WebFormIntake"/>, answered
/// 202 (or 303 back to the form's site) or 400. No processing in the request.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Anonymous,
    "post",
    Route = "leads",
    PublicIntake = true,
    Summary = "Submit one lead from a web form (JSON, urlencoded or multipart); answers 202 with its id.",
    BodyExample = """
        { "email": "ayse.yilmaz@example.com", "firstName": "Ayşe", "lastName": "Yılmaz", "company": "Örnek A.Ş.",
          "jobTitle": "IT Director", "phone": "+905321234567", "country": "TR", "source": "web",
          "utm_source": "newsletter", "consentEmail": true, "consentText": "E-posta ile bilgi almak istiyorum.",
            "language": "tr" }
        """,
    Problems = new[] { StatusCodes.Status429TooManyRequests }
)]
public sealed partial class SubmitLead(WebFormIntake intake, ILogger<SubmitLead> logger)
{
    public const int MaxBodyBytes = 64 * 1024;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (fields, problem) = await FormFields.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (fields is null)
        {
            return problem!;
        }

        var post = new WebFormPost(
            fields,
            request.Headers[IdempotencyKey.HeaderName].FirstOrDefault(),
            ClientEvidence.From(request)
        );
        var outcome = await intake.SubmitAsync(post, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return Problems.Invalid(errors);
        }

        if (outcome.Source is { } source)
        {
            Accepted(logger, outcome.LeadId!, source);
        }
        else
        {
            BotIgnored(logger, outcome.LeadId!);
        }

        var location = $"{request.PathBase}{request.Path}/{outcome.LeadId}";
        return outcome.Redirect is { } redirect
            ? new SeeOtherResult(redirect)
            : TypedResults.Accepted(location, new SubmissionAccepted(outcome.LeadId!, "accepted"));
    }

    [LoggerMessage(
        EventId = 1000,
        Level = LogLevel.Information,
        Message = "Accepted a submission for lead {LeadId} from {Source}"
    )]
    private static partial void Accepted(ILogger logger, string leadId, string source);

    [LoggerMessage(
        EventId = 1002,
        Level = LogLevel.Information,
        Message = "A form submission for {LeadId} looked automated (honeypot or fill time); answered, not stored"
    )]
    private static partial void BotIgnored(ILogger logger, string leadId);
}

public sealed record SubmissionAccepted(string Id, string Status);
