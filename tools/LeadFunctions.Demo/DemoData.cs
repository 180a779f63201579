using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Demo;

/// <summary>
/// The checked-in demo data set (Data/), compiled into this assembly: web forms, a trade fair's visitor list, a
/// webinar's registrations and attendance, engagement events, campaigns and a few sales decisions. Times are written as
/// "daysAgo" so the data looks recent whenever it is seeded (hot means active in the last two weeks).
/// </summary>
internal sealed record DemoData(
    IReadOnlyList<JsonObject> Forms,
    byte[] FairCsv,
    IReadOnlyList<JsonObject> Webinar,
    IReadOnlyList<JsonObject> Events,
    IReadOnlyList<DemoCampaign> Campaigns,
    IReadOnlyList<SalesDecision> Decisions
)
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static DemoData Load() =>
        new(
            Objects("forms.json"),
            Bytes("fuar-ziyaretcileri.csv"),
            Objects("webinar.json"),
            Objects("events.json"),
            [
                .. typeof(DemoData)
                    .Assembly.GetManifestResourceNames()
                    .Where(n => n.StartsWith("Data/campaigns/", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .Select(n => new DemoCampaign(
                        Path.GetFileNameWithoutExtension(n),
                        Encoding.UTF8.GetString(Bytes(n["Data/".Length..]))
                    )),
            ],
            JsonSerializer.Deserialize<List<SalesDecision>>(Bytes("decisions.json"), WebJson)!
        );

    /// <summary>The fair list's addresses (its first column) that are addresses: the row that is not is there to show a
    /// rejection.</summary>
    public IEnumerable<string> FairEmails() =>
        Encoding
            .UTF8.GetString(FairCsv)
            .Split('\n')
            .Skip(1)
            .Select(line => line.Split(';')[0].Trim())
            .Where(e => EmailAddress.TryNormalize(e, out _));

    public IEnumerable<JsonObject> Registrations => Webinar.Where(w => (string?)w["event"] == "registered");

    public IEnumerable<JsonObject> Attendances => Webinar.Where(w => (string?)w["event"] == "attended");

    /// <summary>Per lead id, how many submissions and engagement events the pipeline must have recorded after
    /// <paramref name="phase"/>: each webinar delivery is an event too.</summary>
    public IReadOnlyDictionary<string, (int Submissions, int Events)> Expected(DemoPhase phase)
    {
        var submissions = Forms
            .Select(Email)
            .Concat(phase >= DemoPhase.Registrations ? Registrations.Select(Registrant) : [])
            .Concat(phase >= DemoPhase.All ? FairEmails() : []);
        var events = phase switch
        {
            DemoPhase.Forms => [],
            DemoPhase.Registrations => Registrations.Select(Registrant),
            _ => Events.Select(Email).Concat(Webinar.Select(Registrant)),
        };
        var bySubmissions = submissions
            .Select(Id)
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var byEvents = events
            .Select(Id)
            .GroupBy(id => id)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return bySubmissions
            .Keys.Union(byEvents.Keys)
            .ToDictionary(
                id => id,
                id => (bySubmissions.GetValueOrDefault(id), byEvents.GetValueOrDefault(id)),
                StringComparer.Ordinal
            );
    }

    private static string Registrant(JsonObject delivery) => Email(delivery["registrant"]!.AsObject());

    public static string Id(string email) =>
        EmailAddress.TryNormalize(email, out var normalized)
            ? LeadId.FromEmail(normalized)
            : throw new InvalidDataException($"Not an address in the demo data: {email}");

    public static string Email(JsonObject item) =>
        (string?)item["email"] ?? throw new InvalidDataException("An item of the demo data without an email.");

    private static List<JsonObject> Objects(string name) =>
        [.. JsonNode.Parse(Bytes(name))!.AsArray().Select(n => n!.AsObject())];

    private static byte[] Bytes(string name)
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Data/" + name)
            ?? throw new InvalidDataException($"Data/{name} is not in the demo assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>How far the seeding has come: the web forms, then the webinar's registrations, then the rest.</summary>
internal enum DemoPhase
{
    Forms,
    Registrations,
    All,
}

/// <summary>A campaign's PUT body, named by its file (the campaign id).</summary>
internal sealed record DemoCampaign(string Id, string Json);

/// <summary>qualify, convert or disqualify (with a reason), in the order written.</summary>
internal sealed record SalesDecision(string Email, string Action, string? Reason);
