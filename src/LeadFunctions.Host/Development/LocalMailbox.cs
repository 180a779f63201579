using System.Collections.Concurrent;
using System.Text.Json;

namespace LeadFunctions.Host.Development;

/// <summary>
/// The emails a local run "sent": the host answers SendGrid's mail send itself when <c>Runtime:LocalMailbox</c> is on,
/// so that
/// <c>./run.sh</c> shows confirmation and campaign emails without a SendGrid account (the real SendGrid client posts
/// here through <c>SendGrid:Host</c>, so the production code path is the one that runs). Keeps the newest
/// <see cref="Capacity"/>, in memory.
/// </summary>
public sealed class LocalMailbox
{
    public const int Capacity = 500;

    private readonly ConcurrentQueue<MailboxEmail> emails = new();

    public IReadOnlyList<MailboxEmail> Newest => [.. emails.Reverse()];

    public MailboxEmail? Find(string id) => emails.FirstOrDefault(e => e.Id == id);

    /// <summary>Reads a v3 mail send body as SendGrid would take it: one email per personalization.</summary>
    public IReadOnlyList<MailboxEmail> Receive(JsonElement body, DateTimeOffset at)
    {
        var subject = Text(body, "subject");
        var contents =
            body.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array
                ? content.EnumerateArray().ToList()
                : [];
        string? Content(string type) =>
            contents.FirstOrDefault(c => Text(c, "type") == type) is { ValueKind: JsonValueKind.Object } c
                ? Text(c, "value")
                : null;
        var received = new List<MailboxEmail>();
        foreach (
            var personalization in body.TryGetProperty("personalizations", out var list)
            && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray()
                : Enumerable.Empty<JsonElement>()
        )
        {
            var to =
                personalization.TryGetProperty("to", out var recipients) && recipients.ValueKind == JsonValueKind.Array
                    ? string.Join(", ", recipients.EnumerateArray().Select(r => Text(r, "email")))
                    : string.Empty;
            var email = new MailboxEmail(
                Guid.NewGuid().ToString("N"),
                at,
                to,
                Text(personalization, "subject") ?? subject ?? string.Empty,
                Content("text/plain") ?? string.Empty,
                Content("text/html") ?? string.Empty,
                Merged(personalization, body, "headers"),
                Merged(personalization, body, "custom_args")
            );
            emails.Enqueue(email);
            received.Add(email);
        }

        while (emails.Count > Capacity && emails.TryDequeue(out _)) { }

        return received;
    }

    /// <summary>The message's map with the personalization's own entries winning, as SendGrid merges them.</summary>
    private static Dictionary<string, string> Merged(JsonElement personalization, JsonElement body, string name) =>
        Strings(personalization, name)
            .Concat(Strings(body, name))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IEnumerable<KeyValuePair<string, string>> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var map)
        && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!))
            : [];
}

public sealed record MailboxEmail(
    string Id,
    DateTimeOffset ReceivedAt,
    string To,
    string Subject,
    string Text,
    string Html,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> CustomArgs
);
