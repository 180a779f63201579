using System.Diagnostics;
using System.Text.Json;
using LeadFunctions.Adapters;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Tests.Queues;

/// <summary>The one rule for how much a queue message holds, at its edge.</summary>
public sealed class QueueMessageSizeTests
{
    private const int Max = QueueMessageSize.MaxJsonBytes;

    private sealed record Note(string Text);

    private sealed record Box(IReadOnlyList<string> Items);

    /// <summary>A note whose JSON, {"text":"x…"}, is <paramref name="jsonBytes"/> long.</summary>
    private static Note NoteOf(int jsonBytes) => new(new string('x', jsonBytes - """{"text":""}""".Length));

    /// <summary>
    /// <paramref name="count"/> items whose box, {"items":["a…","b…",…]}, is <paramref name="jsonBytes"/> long:
    /// the empty box, each item in quotes, and a comma between two.
    /// </summary>
    private static List<string> ItemsFilling(int count, int jsonBytes)
    {
        var room = jsonBytes - """{"items":[]}""".Length - (2 * count) - (count - 1);
        return
        [
            .. Enumerable
                .Range(0, count)
                .Select(i => new string((char)('a' + i), (room / count) + (i < room % count ? 1 : 0))),
        ];
    }

    private static int JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options).Length;

    [Fact]
    public void Fits_ExactlyAtTheLimit_Fits_OneByteMore_DoesNot()
    {
        Assert.Equal(Max, JsonBytes(NoteOf(Max)));
        Assert.True(QueueMessageSize.Fits(NoteOf(Max)));
        Assert.False(QueueMessageSize.Fits(NoteOf(Max + 1)));
    }

    [Fact]
    public void MessageAtTheLimit_WithTheLongestTraceContext_IsAtMostAQueueMessageOfBase64()
    {
        using var sender = new Activity("send").SetIdFormat(ActivityIdFormat.W3C).Start();
        sender.TraceStateString = new string('t', 512);

        var body = QueueTraceContext.Serialize(NoteOf(Max), sender).ToArray();

        Assert.InRange(body.Length - Max, 1, QueueMessageSize.TraceContextBytes);
        Assert.InRange(Convert.ToBase64String(body).Length, 1, QueueMessageSize.MaxTextBytes);
        var roomInBase64 = Convert.ToBase64String(new byte[Max + QueueMessageSize.TraceContextBytes]).Length;
        Assert.Equal(QueueMessageSize.MaxTextBytes, roomInBase64);
    }

    [Fact]
    public void Pack_ItemsFillingOneMessageExactly_OneMessage()
    {
        var items = ItemsFilling(10, Max);

        var box = Assert.Single(QueueMessageSize.Pack(items, part => new Box(part)));

        Assert.Equal(items, box.Items);
        Assert.Equal(Max, JsonBytes(box));
    }

    [Fact]
    public void Pack_OneByteMore_TheLastItemGoesInASecondMessage()
    {
        var items = ItemsFilling(10, Max + 1);

        var boxes = QueueMessageSize.Pack(items, part => new Box(part));

        Assert.Equal(2, boxes.Count);
        Assert.Equal(items[..9], boxes[0].Items);
        Assert.Equal([items[9]], boxes[1].Items);
        Assert.All(boxes, box => Assert.True(QueueMessageSize.Fits(box)));
    }

    [Fact]
    public void Pack_EventsWithEscapedText_EachMessageFits_AndNoneCouldHoldTheNextEventToo()
    {
        var events = Enumerable
            .Range(0, 400)
            .Select(i => (Email: $"ayşe{i}@acme.com.tr", Note: new string('ğ', 50 + (i % 7))))
            .Select(e => $$"""{"email":"{{e.Email}}","event":"open","note":"{{e.Note}}"}""")
            .Select(json => JsonDocument.Parse(json).RootElement)
            .ToList();

        var batches = QueueMessageSize.Pack(events, part => new SendGridEventBatch(part));

        Assert.InRange(batches.Count, 3, 5);
        Assert.Equal(events, batches.SelectMany(b => b.Events));
        Assert.All(batches, batch => Assert.True(QueueMessageSize.Fits(batch)));
        Assert.All(batches.Zip(batches.Skip(1)), pair =>
            Assert.False(QueueMessageSize.Fits(new SendGridEventBatch([.. pair.First.Events, pair.Second.Events[0]])))
        );
    }

    [Fact]
    public void Pack_AnItemTooBigForAMessage_GoesAlone_TheOthersAroundIt()
    {
        string[] items = ["a", new string('b', Max), "c", "d"];

        var boxes = QueueMessageSize.Pack(items, part => new Box(part));

        Assert.Equal(
            [
                ["a"],
                [items[1]],
                ["c", "d"],
            ],
            boxes.Select(b => b.Items)
        );
    }

    [Fact]
    public void Pack_Nothing_NoMessage() =>
        Assert.Empty(QueueMessageSize.Pack(Array.Empty<string>(), part => new Box(part)));
}
