namespace LeadFunctions.Demo;

/// <summary>What the pipeline made of the demo data: its leads as the API shows them, each campaign's enrollments and
/// the fair list's import answer.</summary>
internal sealed record DemoSummary(
    IReadOnlyList<DemoLead> Leads,
    IReadOnlyDictionary<string, long> Enrolled,
    ImportAnswer FairImport
)
{
    private static readonly string[] Stages =
    [
        "subscriber",
        "lead",
        "mql",
        "sql",
        "opportunity",
        "customer",
        "disqualified",
    ];
    private static readonly string[] Temperatures = ["hot", "warm", "cold"];

    public void WriteTo(TextWriter output)
    {
        output.WriteLine(
            $"demo: {Leads.Count} leads; by stage {Count(l => l.Stage, Stages)}; "
                + $"{Count(l => l.Temperature, Temperatures)}"
        );
        output.WriteLine(
            $"demo: by source "
                + $"{string.Join(", ", Leads.GroupBy(l => l.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}"
        );
        var rejected = string.Join(
            ", ",
            FairImport.Rejected.Select(r => $"line {r.Line}: {string.Join(", ", r.Errors.Keys)}")
        );
        output.WriteLine(
            $"demo: fair list {FairImport.Accepted} rows accepted, {FairImport.RejectedCount} rejected ({rejected})"
        );
        output.WriteLine($"demo: enrolled {string.Join(", ", Enrolled.Select(e => $"{e.Key} {e.Value}"))}");
    }

    private string Count(Func<DemoLead, string> of, IEnumerable<string> order) =>
        string.Join(
            ", ",
            order
                .Select(name => (name, count: Leads.Count(l => of(l) == name)))
                .Where(c => c.count > 0)
                .Select(c => $"{c.name} {c.count}")
        );
}
