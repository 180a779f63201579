using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Nurture;

/// <summary>The nurture-send queue.</summary>
public interface INurtureSendQueue
{
    /// <summary>Queues <paramref name="batch"/>, seen by the send function only after <paramref name="visibleAfter"/>
    /// (whole seconds: the queue's own resolution).</summary>
    Task EnqueueAsync(NurtureSendBatch batch, TimeSpan visibleAfter, CancellationToken cancellationToken);
}
