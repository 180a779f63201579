using System.Diagnostics;
using LeadFunctions.Adapters.Nurture;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Adapters.Randomness;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Tests.Nurture;

public sealed class NurtureSendQueueTests
{
    private static readonly SystemIdGenerator Ids = new(TimeProvider.System);

    private static readonly string Longest = new('x', 64);

    [Fact]
    public void FullMessageOfOneStep_WithTraceContext_FitsOneQueueMessage()
    {
        var batch = NurtureSendBatch.Of(
            Guid.NewGuid().ToString("N"),
            Sends(NurtureScheduler.QueuedAtOnce / NurtureScheduler.MessagesPerRun, _ => (Longest, Longest))
        );

        Assert.Same(batch, Assert.Single(NurtureSendQueue.Fit(batch, Ids)));
        Assert.InRange(EncodedLength(batch), 1, QueueMessageSize.MaxTextBytes);
    }

    [Fact]
    public void MessageTooBig_EverySendInItsOwnStep_IsSplitIntoMessagesThatFit_EachSendOnce()
    {
        var sends = Sends(500, i => ($"{i:D4}{Longest[4..]}", Longest));
        var batch = NurtureSendBatch.Of(Guid.NewGuid().ToString("N"), sends);

        var parts = NurtureSendQueue.Fit(batch, Ids);

        Assert.InRange(parts.Count, 3, 4);
        Assert.All(parts, part => Assert.InRange(EncodedLength(part), 1, QueueMessageSize.MaxTextBytes));
        Assert.Equal(sends.OrderBy(s => s.DueAt), parts.SelectMany(p => p.DueSends()).OrderBy(s => s.DueAt));
        Assert.Equal(parts.Count, parts.Select(p => p.DispatchId).Distinct().Count());
        Assert.DoesNotContain(batch.DispatchId, parts.Select(p => p.DispatchId));
    }

    [Fact]
    public void Batch_RoundTripsThroughJson_InGroupOrder()
    {
        var sends = Sends(6, i => ($"c{i % 2}", $"s{i % 3}"));
        var batch = NurtureSendBatch.Of("d1", sends);

        var json = QueueTraceContext.Serialize(batch, null).ToString();
        var read = Read(json);
        var half = Read(QueueTraceContext.Serialize(batch.Halves("h1", "h2").First, null).ToString());

        Assert.Equal(6, read.Steps.Count);
        Assert.Equal(
            sends.OrderBy(s => (s.CampaignId, s.StepId)),
            read.DueSends().OrderBy(s => (s.CampaignId, s.StepId))
        );
        Assert.Equal("d1", read.DispatchId);
        Assert.Null(read.Earlier);
        Assert.DoesNotContain("earlier", json, StringComparison.Ordinal);
        Assert.Equal(["d1"], half.Earlier);
        Assert.True(half.Owns("d1"));
    }

    private static NurtureSendBatch Read(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<NurtureSendBatch>(
            json,
            LeadFunctions.Core.Text.JsonDefaults.Options
        )!;

    private static List<DueSend> Sends(int count, Func<int, (string Campaign, string Step)> step) =>
        [
            .. Enumerable
                .Range(0, count)
                .Select(i => (i, step(i)))
                .Select(x => new DueSend(
                    LeadId.FromEmail($"p{x.i}@acme.com"),
                    x.Item2.Campaign,
                    x.Item2.Step,
                    DateTimeOffset.MaxValue.AddTicks(-x.i)
                )),
        ];

    private static int EncodedLength(NurtureSendBatch batch)
    {
        using var sender = new Activity("send nurture-send").SetIdFormat(ActivityIdFormat.W3C).Start();
        sender.TraceStateString = new string('t', 512);
        return Convert.ToBase64String(QueueTraceContext.Serialize(batch, sender).ToArray()).Length;
    }
}
