using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Adapters.Tests.Queues;

/// <summary>A queue message's body as both hosts read it: the sender's JSON back as the type; JSON null fails naming
/// the queue.</summary>
public sealed class QueueMessageBodyTests
{
    [Fact]
    public void Read_WhatTheSenderWrote_IsTheMessage()
    {
        var sent = NurtureSendBatch.Of("d1", [new DueSend("lead-1", "fair", "welcome", DateTimeOffset.UnixEpoch)]);

        var read = QueueMessageBody.Read<NurtureSendBatch>(
            QueueTraceContext.Serialize(sent, activity: null),
            QueueNames.NurtureSend
        );

        Assert.Equal(sent.DueSends(), read.DueSends());
        Assert.Equal(sent.DispatchId, read.DispatchId);
    }

    [Fact]
    public void Read_JsonNull_FailsNamingTheQueue()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            QueueMessageBody.Read<NurtureSendBatch>(BinaryData.FromString("null"), QueueNames.NurtureSend)
        );

        Assert.Contains(QueueNames.NurtureSend, error.Message);
    }
}
