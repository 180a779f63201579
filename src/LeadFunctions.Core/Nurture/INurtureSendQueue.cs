using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Nurture;

/// <summary>The nurture-send queue.</summary>
public interface INurtureSendQueue
{
    Task EnqueueAsync(NurtureSendBatch batch, CancellationToken cancellationToken);
}
