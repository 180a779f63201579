using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>campaign-resume: releases a page of a resumed campaign's held sends (sent or skipped as asked). A failure
/// retries the message.</summary>
[QueueFunction(QueueNames.CampaignResume)]
public sealed partial class ReleaseHeldSends(HeldSendRelease release, ILogger<ReleaseHeldSends> logger)
{
    public async Task RunAsync(CampaignResume request, CancellationToken cancellationToken)
    {
        var summary = await release.RunAsync(request, cancellationToken);
        Released(logger, request.CampaignId, request.Missed, request.Final, summary.Released, summary.Skipped);
    }

    [LoggerMessage(
        EventId = 1751,
        Level = LogLevel.Information,
        Message = "Campaign {CampaignId} resumed (missed: {Missed}, last look: {Final}): {Released} held sends due "
            + "again, {Skipped} skipped"
    )]
    private static partial void Released(
        ILogger logger,
        string campaignId,
        MissedSends missed,
        bool final,
        int released,
        int skipped
    );
}
