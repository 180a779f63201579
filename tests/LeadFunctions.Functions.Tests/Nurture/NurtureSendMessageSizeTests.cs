using System.Diagnostics;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Nurture;

namespace LeadFunctions.Functions.Tests.Nurture;

public sealed class NurtureSendMessageSizeTests
{
    /// <summary>A queue message holds 64 KB, base64-encoded as host.json's messageEncoding says.</summary>
    private const int QueueMessageLimit = 64 * 1024;

    [Fact]
    public void LargestMessage_IdsOfTheLongestAllowed_WithTraceContext_FitsAQueueMessage()
    {
        using var sender = new Activity("send nurture-send").SetIdFormat(ActivityIdFormat.W3C).Start();
        var longest = new string('x', 64);
        var sends = Enumerable.Range(0, NurtureScheduler.MaxSendsPerMessage)
            .Select(i => new DueSend(new string('a', 64), longest, longest, DateTimeOffset.MaxValue.AddTicks(-i)))
            .ToList();

        var body = QueueTraceContext.Serialize(new NurtureSendBatch(Guid.NewGuid().ToString("N"), sends), sender);

        Assert.InRange(Convert.ToBase64String(body.ToArray()).Length, 1, QueueMessageLimit);
    }
}
