using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Tests;

/// <summary>Rules that must hold for any input, not just the examples the other tests pick.</summary>
public class PropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly LeadScorer Scorer = new(DefaultScoringModel.Create());

    private static readonly string[] Parts =
    [
        "ayse",
        "AYSE",
        "İlkay",
        "ılkay",
        "ISIK",
        "Şule",
        "o'brien",
        "a.b",
        "x+tag",
        "ÇAĞLAR",
    ];
    private static readonly string[] Domains = ["Example.COM", "şirket.com.tr", "ACME.com.tr", "mail.example.org."];

    private static Arbitrary<string> Emails() =>
        (
            from local in Gen.Elements(Parts)
            from domain in Gen.Elements(Domains)
            from padding in Gen.Elements("", " ", "  ")
            select $"{padding}{local}@{domain}{padding}"
        ).ToArbitrary();

    [Property]
    public Property NormalizedEmail_NormalizesToItself_AndKeepsItsLeadId() => Prop.ForAll(Emails(), raw =>
        {
            var ok = EmailAddress.TryNormalize(raw, out var once);
            return ok
                && EmailAddress.TryNormalize(once, out var twice)
                && once == twice
                && LeadId.FromEmail(once) == LeadId.FromEmail(twice);
        });

    [Property]
    public Property Merge_InAnyOrder_NeverMovesTheStageBack(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        LeadSubmission Submission(int i) =>
            new()
            {
                SubmissionId = $"s{i}",
                ReceivedAt = Now.AddMinutes(random.Next(-1000, 1000)),
                Email = "ayse@acme.com",
                FirstName = random.Next(2) == 0 ? null : "Ayşe",
                Company = random.Next(2) == 0 ? null : "Acme",
                Source = "web",
            };

        var lead = LeadMerger.Merge(null, Submission(0), Now);
        for (var i = 1; i < 10; i++)
        {
            var before = lead.Stage;
            lead = LeadMerger.Merge(
                lead with
                {
                    Stage = random.Next(3) == 0 ? LifecycleStage.Mql : lead.Stage,
                },
                Submission(i),
                Now
            );
            if (lead.Stage < before)
            {
                return false.ToProperty();
            }
        }

        return (lead.CreatedAt == Now).ToProperty();
    }

    [Property]
    public Property Engagement_NeverGrowsWithAge(NonNegativeInt days, NonNegativeInt moreDays)
    {
        EngagementEvent Event(int age) =>
            new()
            {
                EventId = "e",
                LeadId = "x",
                Type = EventTypes.ContentDownload,
                OccurredAt = Now.AddDays(-age),
                Source = "web",
            };
        var lead = new Lead
        {
            Id = "x",
            Email = "a@acme.com",
            Source = "web",
            CreatedAt = Now,
            UpdatedAt = Now,
            LastSubmittedAt = Now,
        };
        var newer = Scorer.Score(lead, null, [Event(days.Get % 3650)], Now).Engagement;
        var older = Scorer.Score(lead, null, [Event((days.Get % 3650) + (moreDays.Get % 3650))], Now).Engagement;
        return (older <= newer && newer <= 10).ToProperty();
    }
}
