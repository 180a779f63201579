using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// POST /api/campaigns/{id}/enrollments: accepts leads to enroll by hand and answers 202 at once; the
/// campaign-enrollment queue does the work (<see cref="HandEnrollment"/>), so a filter matching a hundred
/// thousand leads never times out the request.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "campaigns/{id}/enrollments",
    Summary = "Enroll leads by hand, by id or by a filter; once per lead per campaign.",
    BodyExample = """
        { "leadIds": ["3f2a9c1e5b7d4e0f8a6b2c1d9e8f7a6b"] }
        """
)]
public sealed class EnrollLeads(ICampaignCatalog campaigns, ICampaignEnrollmentQueue queue)
{
    /// <summary>1,000 ids of 32 characters with quotes, commas and room for spaces.</summary>
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxJsonDepth = 8;

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(id, cancellationToken) is not { } campaign)
        {
            return Problems.NotFound($"Campaign {id}");
        }

        if (campaign.Archived)
        {
            return Problems.Conflict($"Campaign {id} is archived: nobody enters it any more.", "Campaign archived.");
        }

        var (document, refusal) = await JsonBody.ReadObjectAsync(
            request,
            MaxBodyBytes,
            MaxJsonDepth,
            cancellationToken
        );
        using (document)
        {
            if (document is null)
            {
                return refusal!;
            }

            var (enrollment, errors) = EnrollmentRequestReader.Read(campaign.Id, document.RootElement);
            if (enrollment is null)
            {
                return Problems.Invalid(errors);
            }

            await queue.EnqueueAsync(enrollment, cancellationToken);
            return TypedResults.Accepted((string?)null, new EnrollmentAccepted(campaign.Id, enrollment.LeadIds?.Count));
        }
    }
}

/// <summary>The 202 answer: the campaign and how many lead ids were queued (null for a filter, whose size is known only
/// as it is paged).</summary>
public sealed record EnrollmentAccepted(string CampaignId, int? LeadIds);
