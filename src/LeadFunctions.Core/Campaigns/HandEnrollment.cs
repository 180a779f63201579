using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Enrollment by hand (POST /api/campaigns/{id}/enrollments), done from the campaign-enrollment queue: the
/// named leads, or a filter's leads one page per message so that no message's work grows with the filter.
/// Each lead goes through <see cref="LeadUpdater"/> like a trigger's enrollment: once per campaign (or again as the
/// campaign's re-entry allows), and only when the audience matches.
/// </summary>
public sealed class HandEnrollment(
    ICampaignCatalog campaigns,
    LeadUpdater updater,
    ILeadQuery leads,
    ICampaignEnrollmentQueue queue,
    IRecipientTimeZones zones,
    TimeProvider time
)
{
    public const string Reason = "manual";

    /// <summary>Leads a filter message enrolls before it queues the rest.</summary>
    internal const int PageSize = 100;

    public async Task<HandEnrollmentSummary> RunAsync(
        CampaignEnrollmentRequest request,
        CancellationToken cancellationToken
    )
    {
        // Archived after the request was accepted: nobody enters any more.
        if (await campaigns.FindAsync(request.CampaignId, cancellationToken) is not { Archived: false } campaign)
        {
            return new HandEnrollmentSummary(0, 0, 0);
        }

        var ids = request.LeadIds ?? [];
        if (request.Filter is { } filter)
        {
            var page = await leads.ListAsync(filter, request.ContinuationToken, PageSize, cancellationToken);
            if (page.ContinuationToken is not null)
            {
                // The rest first: a retry of this message then queues it again, which enrolls nobody twice.
                await queue.EnqueueAsync(
                    request with
                    {
                        ContinuationToken = page.ContinuationToken,
                    },
                    cancellationToken
                );
            }

            ids = [.. page.Leads.Select(l => l.Id)];
        }

        int enrolled = 0,
            unknown = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var known = true;
            var outcome = await updater.UpdateAsync(
                id,
                snapshot =>
                {
                    known = snapshot.Lead is not null;
                    return Task.FromResult(Decide(snapshot, campaign));
                },
                cancellationToken
            );
            enrolled += outcome is UpdateOutcome.Updated ? 1 : 0;
            unknown += known ? 0 : 1;
        }

        return new HandEnrollmentSummary(enrolled, ids.Count - enrolled - unknown, unknown);
    }

    private LeadChange? Decide(LeadSnapshot snapshot, Campaign campaign) =>
        snapshot.Lead is { } lead
        && snapshot.EnrollmentIn(campaign.Id) is var previous
        && CampaignEnrollment.MayEnter(campaign, previous, time.GetUtcNow())
        && CampaignEnrollment.Admits(campaign, lead, [])
            ? CampaignEnrollment.Start(
                LeadChange.Updated(lead, snapshot.ETag),
                campaign,
                Reason,
                time.GetUtcNow(),
                () => zones.ZoneOf(lead),
                previous: previous
            )
            : null;
}

/// <summary>A campaign-enrollment message: the leads by id (at most 1,000), or a filter and where its listing goes
/// on.</summary>
public sealed record CampaignEnrollmentRequest(
    string CampaignId,
    IReadOnlyList<string>? LeadIds,
    LeadFilter? Filter,
    string? ContinuationToken = null
)
{
    public const int MaxLeadIds = 1000;
}

/// <summary>What one message did: leads enrolled, passed over (already in it, or outside the audience) and
/// unknown.</summary>
public sealed record HandEnrollmentSummary(int Enrolled, int Skipped, int Unknown);

public interface ICampaignEnrollmentQueue
{
    Task EnqueueAsync(CampaignEnrollmentRequest request, CancellationToken cancellationToken);
}
