using System.Text.Json;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Email;

public class SendGridEventReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly long Timestamp = Now.AddMinutes(-3).ToUnixTimeSeconds();

    private static SendGridEvent? Read(string json, out string problem)
    {
        using var document = JsonDocument.Parse(json);
        return SendGridEventReader.TryRead(document.RootElement, Now, out problem);
    }

    [Fact]
    public void TryRead_BounceWithCustomArgs_AllFieldsAndTheAddressTakenOutOfTheReason()
    {
        var read = Read(
            $$"""
            {"email":"Ayse.Yilmaz@Example.com","timestamp":{{Timestamp}},"event":"bounce","type":"bounce","sg_event_id":"ZGVsaXZlcmVk-0","reason":"550 5.1.1 <ayse.yilmaz@example.com>: user unknown","lf_lead":"0123456789abcdef0123456789abcdef","lf_send":"send-1","lf_campaign":"fair","lf_step":"welcome"}
            """,
            out _
        )!;

        Assert.Equal("ZGVsaXZlcmVk-0", read.EventId);
        Assert.Equal("bounce", read.Type);
        Assert.Equal(Now.AddMinutes(-3).ToUnixTimeSeconds(), read.At.ToUnixTimeSeconds());
        Assert.Equal("ayse.yilmaz@example.com", read.Email);
        Assert.Equal("0123456789abcdef0123456789abcdef", read.LeadId);
        Assert.Equal(("send-1", "fair", "welcome", "bounce"), (read.SendId, read.Campaign, read.Step, read.BounceType));
        Assert.Equal("550 5.1.1 <[address]>: user unknown", read.Reason);
    }

    [Theory]
    [InlineData("\"lf_lead\":\"not-a-lead-id\",")]
    [InlineData("\"lf_lead\":\"0123456789ABCDEF0123456789ABCDEF\",")]
    [InlineData("")]
    public void TryRead_NoWellFormedLeadArg_RoutesByTheEmail(string leadArg)
    {
        var read = Read(
            $$"""{{{leadArg}}"email":"ayse@example.com","timestamp":{{Timestamp}},"event":"open","sg_event_id":"e1"}""",
            out _
        )!;

        Assert.Equal(LeadId.FromEmail("ayse@example.com"), read.LeadId);
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","timestamp":"yesterday","event":"open","sg_event_id":"e1"}""", "timestamp")]
    [InlineData("""{"email":"a@example.com","timestamp":99999999999,"event":"open","sg_event_id":"e1"}""", "timestamp")]
    [InlineData("""{"email":"a@example.com","timestamp":-5,"event":"open","sg_event_id":"e1"}""", "timestamp")]
    [InlineData("""{"email":"a@example.com","event":"open","sg_event_id":"e1"}""", "timestamp")]
    [InlineData("""{"email":"not an email","timestamp":1796039400,"event":"open","sg_event_id":"e1"}""", "email")]
    [InlineData("""{"timestamp":1796039400,"event":"open","sg_event_id":"e1"}""", "email")]
    [InlineData("""{"email":"a@example.com","timestamp":1796039400,"event":"open"}""", "sg_event_id")]
    [InlineData("""{"email":"a@example.com","timestamp":1796039400,"sg_event_id":"e1"}""", "event")]
    [InlineData(
        """{"email":"a@example.com","timestamp":1796039400,"event":"open","sg_event_id":"\ud83d"}""",
        "sg_event_id"
    )]
    [InlineData("""["not","an","object"]""", "object")]
    public void TryRead_Unreadable_NullWithTheProblem(string json, string problemMentions)
    {
        Assert.Null(Read(json, out var problem));
        Assert.Contains(problemMentions, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_EventIdNotSafeInATableKey_HashedTheSameEveryTime()
    {
        var first = Read(
            $$"""{"email":"a@example.com","timestamp":{{Timestamp}},"event":"open","sg_event_id":"a/b#c"}""",
            out _
        )!;
        var again = Read(
            $$"""{"email":"a@example.com","timestamp":{{Timestamp}},"event":"open","sg_event_id":"a/b#c"}""",
            out _
        )!;

        Assert.Equal(first.EventId, again.EventId);
        Assert.Matches("^h[0-9a-f]{32}$", first.EventId);
    }

    [Theory]
    [InlineData("https://acme.example/pricing", "https://acme.example/pricing")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/relative", null)]
    public void TryRead_ClickUrl_OnlyAbsoluteHttp(string url, string? expected)
    {
        var read = Read(
            $$"""{"email":"a@example.com","timestamp":{{Timestamp}},"event":"click","sg_event_id":"e1","url":"{{url}}"}""",
            out _
        )!;

        Assert.Equal(expected, read.Url);
    }

    [Fact]
    public void TryRead_MachineOpen_Flagged()
    {
        var read = Read(
            $$"""{"email":"a@example.com","timestamp":{{Timestamp}},"event":"open","sg_event_id":"e1","sg_machine_open":true}""",
            out _
        )!;

        Assert.True(read.MachineOpen);
    }
}
