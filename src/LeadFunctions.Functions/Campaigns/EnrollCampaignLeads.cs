using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// campaign-enrollment: enrolls the leads of one hand-enrollment message (the ids, or one page of a filter,
/// which queues the next). A failure retries the message; leads already enrolled are passed over.
/// </summary>
[QueueFunction(QueueNames.CampaignEnrollment)]
public sealed partial class EnrollCampaignLeads(HandEnrollment enrollment, ILogger<EnrollCampaignLeads> logger)
{
    public async Task RunAsync(CampaignEnrollmentRequest request, CancellationToken cancellationToken)
    {
        var summary = await enrollment.RunAsync(request, cancellationToken);
        Enrolled(logger, request.CampaignId, summary.Enrolled, summary.Skipped, summary.Unknown);
    }

    [LoggerMessage(
        EventId = 1750,
        Level = LogLevel.Information,
        Message = "Campaign {CampaignId}: {Enrolled} leads enrolled by hand, {Skipped} passed over (already in it or "
            + "outside its audience), {Unknown} unknown"
    )]
    private static partial void Enrolled(ILogger logger, string campaignId, int enrolled, int skipped, int unknown);
}
