using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Dashboard;

/// <summary>
/// Score bands and temperatures counted over at most one page of leads (<see cref="DashboardBuilder.SampleSize"/>).
/// Lead ids are hashes of emails, so the first leads in key order are a sample unrelated to age, source or score.
/// </summary>
/// <param name="Complete">True when the page held every lead: the counts are then the whole table's.</param>
public sealed record LeadSample(
    int Read,
    bool Complete,
    IReadOnlyList<ScoreBand> ScoreBands,
    IReadOnlyDictionary<Temperature, int> Temperatures
)
{
    /// <summary>
    /// Lower bounds of the bands; the first takes every lower score too (engagement can be negative).
    /// </summary>
    public static readonly IReadOnlyList<int> BandStarts = [0, 20, 40, 60, 80];

    public static LeadSample Of(LeadPage page)
    {
        var bands = BandStarts
            .Select(
                (start, i) =>
                    new ScoreBand(
                        start,
                        i + 1 < BandStarts.Count ? BandStarts[i + 1] - 1 : null,
                        page.Leads.Count(l => Band(l.Score.Total) == i)
                    )
            )
            .ToList();
        var temperatures = Enum.GetValues<Temperature>()
            .ToDictionary(t => t, t => page.Leads.Count(l => l.Temperature == t));
        return new LeadSample(page.Leads.Count, page.ContinuationToken is null, bands, temperatures);
    }

    private static int Band(int score)
    {
        var band = 0;
        while (band + 1 < BandStarts.Count && score >= BandStarts[band + 1])
        {
            band++;
        }

        return band;
    }
}
