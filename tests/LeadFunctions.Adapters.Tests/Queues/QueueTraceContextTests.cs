using System.Diagnostics;
using System.Text.Json;
using LeadFunctions.Adapters.Queues;

namespace LeadFunctions.Adapters.Tests.Queues;

/// <summary>Trace context inside a queue message: written by the sender, read back by the self-hosted listener and by
/// the FunctionApp from binding data.</summary>
public sealed class QueueTraceContextTests
{
    [Fact]
    public void Serialize_ThenRead_IsTheSendersSpan_AndTheMessageKeepsItsFields()
    {
        using var sender = Sender();
        var body = QueueTraceContext.Serialize(new { LeadId = "abc" }, sender);

        var parent = QueueTraceContext.Read(body);

        Assert.Equal(
            (sender.TraceId, sender.SpanId, "lf=1", true),
            (parent.TraceId, parent.SpanId, parent.TraceState, parent.IsRemote)
        );
        Assert.Equal("abc", JsonDocument.Parse(body.ToString()).RootElement.GetProperty("leadId").GetString());
    }

    [Fact]
    public void Parent_FieldsAsBindingDataGivesThem_QuotedOrNot_IsTheSendersSpan()
    {
        using var sender = Sender();
        using var message = JsonDocument.Parse(QueueTraceContext.Serialize(new { LeadId = "abc" }, sender).ToString());
        var fields = message.RootElement;
        var (traceParent, traceState) = (
            fields.GetProperty(QueueTraceContext.TraceParentField).GetString()!,
            fields.GetProperty(QueueTraceContext.TraceStateField).GetString()!
        );

        foreach (var (p, s) in new[] { (traceParent, traceState), ($"\"{traceParent}\"", $"\"{traceState}\"") })
        {
            var parent = QueueTraceContext.Parent(p, s);
            Assert.Equal((sender.TraceId, sender.SpanId, "lf=1"), (parent.TraceId, parent.SpanId, parent.TraceState));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-traceparent")]
    public void Parent_NoneOrGarbage_StartsANewTrace(string? traceParent) =>
        Assert.Equal(default, QueueTraceContext.Parent(traceParent, null));

    [Fact]
    public void Read_AMessageWithoutContext_OrNotJson_StartsANewTrace()
    {
        Assert.Equal(default, QueueTraceContext.Read(BinaryData.FromString("""{"leadId":"abc"}""")));
        Assert.Equal(default, QueueTraceContext.Read(BinaryData.FromString("not json")));
    }

    private static Activity Sender()
    {
        var activity = new Activity("send lead-intake").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "lf=1";
        return activity;
    }
}
