using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Scoring;

/// <summary>The model in force until someone PUTs their own: a B2B default in English and Turkish.</summary>
public static class DefaultScoringModel
{
    public static ScoringModel Create() =>
        new()
        {
            Fit = new FitRules
            {
                JobTitle =
                [
                    // First match wins, so the deputies come before the titles they contain.
                    new(["vice president", "vp", "genel mudur yardimcisi", "deputy"], 20),
                    new(
                        [
                            "ceo",
                            "cto",
                            "cfo",
                            "coo",
                            "founder",
                            "owner",
                            "president",
                            "genel mudur",
                            "kurucu",
                            "sahibi",
                            "yonetim kurulu",
                        ],
                        25
                    ),
                    new(["director", "head of", "direktor"], 20),
                    new(["manager", "mudur", "yonetici", "lead"], 12),
                    new(["engineer", "specialist", "analyst", "uzman", "muhendis", "analist"], 5),
                    new(["student", "intern", "ogrenci", "stajyer"], -15),
                ],
                Industry =
                [
                    new(["software", "saas", "technology", "yazilim", "teknoloji", "finance", "finans", "bank"], 10),
                ],
                CompanySize = [new(1, 9, 0), new(10, 199, 8), new(200, 999, 12), new(1000, null, 15)],
                Country = new Dictionary<string, int>
                {
                    ["TR"] = 5,
                    ["DE"] = 5,
                    ["NL"] = 5,
                    ["GB"] = 5,
                    ["US"] = 5,
                },
                BusinessEmail = 10,
                FreeMail = -5,
                Disposable = -50,
            },
            Engagement = new EngagementRules
            {
                Events = new Dictionary<string, EventRule>
                {
                    [EventTypes.PageView] = new(1, MaxPerDay: 5),
                    [EventTypes.ContentDownload] = new(10, MaxPerDay: 2),
                    [EventTypes.PricingPageView] = new(15, MaxPerDay: 1),
                    [EventTypes.DemoRequest] = new(40),
                    [EventTypes.WebinarRegistered] = new(10),
                    [EventTypes.WebinarAttended] = new(20),
                    [EventTypes.EmailOpen] = new(1, MaxPerDay: 2),
                    [EventTypes.EmailClick] = new(5, MaxPerDay: 3),
                },
                HalfLifeDays = 30,
                Max = 100,
            },
            Grades = new GradeThresholds(A: 40, B: 25, C: 10),
            MqlThreshold = 60,
            Temperature = new TemperatureRules
            {
                Warm = 10,
                WarmWithinDays = 90,
                Hot = 40,
                HotWithinDays = 14,
            },
        };
}
