using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public class LeadDetailPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    internal static Lead Lead(LifecycleStage stage = LifecycleStage.Mql) =>
        new()
        {
            Id = LeadId.FromEmail("ayse@example.com"),
            Email = "ayse@example.com",
            FirstName = "Ayşe & \"Aşk\"",
            LastName = "Yılmaz",
            Company = "<script>alert(1)</script>",
            Phone = "+905321234567",
            Country = "TR",
            Language = "tr",
            Source = "fair",
            Stage = stage,
            Score = new LeadScore(30, 25),
            Grade = "B",
            Temperature = Temperature.Warm,
            CreatedAt = Now,
            UpdatedAt = Now,
            LastSubmittedAt = Now,
        };

    internal static WorkspaceShell Shell(WorkspaceRoles roles = WorkspaceRoles.Team, string language = "en") =>
        new(language, new WorkspaceUser("Ayla", roles), WorkspaceSection.Leads, "/api/app/leads", "the-token");

    private static LeadFile File(
        Lead? lead = null,
        IReadOnlyList<TimelineEntry>? timeline = null,
        IReadOnlyList<EnrollmentInCampaign>? enrollments = null,
        int shown = LeadFileReader.PageOfEntries
    ) =>
        new(
            lead ?? Lead(),
            [
                new ConsentRecord
                {
                    Id = "c1",
                    Action = ConsentAction.Granted,
                    At = Now,
                    Source = ConsentSource.Form,
                    Ip = "203.0.113.9",
                    UserAgent = "Firefox <1>",
                    Text = "KVKK metni v2",
                },
            ],
            timeline
                ??
                [
                    new("score|s1", Now, TimelineKind.Score, "Score 0 → 55, grade B: fit 30 (title), engagement 25"),
                    new("stage|s1", Now, TimelineKind.Stage, "Stage lead → mql: total score 55 reached"),
                    new("sub|s1", Now.AddMinutes(-1), TimelineKind.Submission, "Submitted at the fair"),
                ],
            shown,
            enrollments ?? [],
            [
                new Campaign
                {
                    Id = "fair",
                    Name = "Fuar & takip",
                    Steps = [],
                },
            ]
        );

    [Fact]
    public void Render_ThePerson_AsTyped_EncodedNeverMarkup()
    {
        var html = LeadDetailPage.Render(Shell(), File(), LeadPageNotice.None);

        Assert.Contains("<h1>Ayşe &amp; &quot;Aşk&quot; Yılmaz</h1>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<dd>Türkçe</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>&#x2B;905321234567</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OlderConsentDecisionsLeftOut_SaysSo_WithALinkToThemAll()
    {
        const string Link = "Older decisions are not shown here: show the whole ledger";
        Assert.DoesNotContain(
            Link,
            LeadDetailPage.Render(Shell(), File(), LeadPageNotice.None),
            StringComparison.Ordinal
        );

        var html = LeadDetailPage.Render(Shell(), File() with { OlderConsent = true }, LeadPageNotice.None);

        Assert.Contains(
            $"<a href=\"{LeadDetailPage.PathOf(Lead().Id)}?entries=50#consent\">{Link}</a>",
            html,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Render_TheScoreWithWhatMadeIt_TheStageHistory_TheConsentEvidence()
    {
        var html = LeadDetailPage.Render(Shell(), File(), LeadPageNotice.None);

        Assert.Contains("<dt>Fit</dt><dd>30</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Engagement</dt><dd>25</dd>", html, StringComparison.Ordinal);
        Assert.Contains("fit 30 (title), engagement 25", html, StringComparison.Ordinal);
        Assert.Contains("Stage lead → mql: total score 55 reached", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Email</dt><dd>no decision</dd>", html, StringComparison.Ordinal);
        Assert.Contains("203.0.113.9", html, StringComparison.Ordinal);
        Assert.Contains("Firefox &lt;1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("KVKK metni v2", html, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 09:30 UTC", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SalesWithoutAdmin_TheDecisionsTheStageAllows_NoErasureForm()
    {
        var html = LeadDetailPage.Render(Shell(WorkspaceRoles.Team), File(), LeadPageNotice.None);

        Assert.Contains("value=\"qualify\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"convert\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"disqualify\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"win\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"fair\">Fuar &amp; takip</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/erasure", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__lf_token\" value=\"the-token\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AMarketerOnly_NoForms()
    {
        var html = LeadDetailPage.Render(Shell(WorkspaceRoles.Marketer), File(), LeadPageNotice.None);

        Assert.DoesNotContain("<form method=\"post\" action=\"/api/app/leads/", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnAdmin_TheErasureForm_WithTheWrongAddressesError()
    {
        var notice = LeadPageNotice.Invalid(LeadDetailPage.EmailField, TextId.LeadsEraseWrong, "x@<y>");

        var html = LeadDetailPage.Render(Shell(WorkspaceRoles.All), File(), notice);

        Assert.Contains($"action=\"{LeadDetailPage.PathOf(Lead().Id)}/erasure\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"x@&lt;y&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains(
            "aria-describedby=\"email-help email-error\" aria-invalid=\"true\"",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<span class=\"error\" id=\"email-error\">This is not the lead's email address; nothing was erased.</span>",
            html.Replace("&#x27;", "'", StringComparison.Ordinal),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Render_ADecisionsFieldError_BesideTheReason_InTheLanguage()
    {
        var decision = Sales.SalesDecisions.Disqualify(Lead(), " ", Now);

        var html = LeadDetailPage.Render(Shell(language: "tr"), File(), LeadPageNotice.Refusing(decision, " "));

        Assert.Contains(
            "<span class=\"error\" id=\"reason-error\">Nedenini 1 ile 200 karakter arasında yazın",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("id=\"reason\" name=\"reason\" type=\"text\" value=\" \"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AConfirmation_ByItsName_AnUnknownNameSaysNothing()
    {
        var done = LeadDetailPage.Render(Shell(), File(), new LeadPageNotice { Done = "disqualify" });
        var unknown = LeadDetailPage.Render(Shell(), File(), new LeadPageNotice { Done = "<made-up>" });

        Assert.Contains(
            "<p class=\"done\" role=\"status\">The lead was disqualified.</p>",
            done,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("role=\"status\"", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryStepStateAndEnrollmentStatus_Named_WithWhenAndWhy()
    {
        var steps = Enum.GetValues<StepState>()
            .Select(s => new StepRecord
            {
                StepId = $"step-{s}",
                State = s,
                SentAt = s == StepState.Sent ? Now : null,
                Opened = s == StepState.Sent,
                Clicked = s == StepState.Sent,
                Note = s == StepState.Skipped ? "no consent" : null,
            })
            .ToList();
        var enrollments = Enum.GetValues<EnrollmentStatus>()
            .Select(status => new EnrollmentInCampaign(
                new Enrollment
                {
                    CampaignId = $"c-{status}",
                    EnrolledAt = Now,
                    Reason = "manual",
                    Status = status,
                    NextStepId = "later",
                    NextDueAt = Now.AddDays(2),
                    Steps = steps,
                },
                null
            ))
            .ToList();

        var html = LeadDetailPage.Render(Shell(), File(enrollments: enrollments), LeadPageNotice.None);

        Assert.Contains("Next step later, waiting until 2026-12-03 09:30 UTC", html, StringComparison.Ordinal);
        Assert.Contains("<td>2026-12-01 09:30 UTC · opened · clicked</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>skipped</td><td>no consent</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>uncertain (no answer from SendGrid)</td>", html, StringComparison.Ordinal);
        Assert.Contains("Stopped · enrolled 2026-12-01 09:30 UTC (manual)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_APageOfTheTimeline_NewestFirst_AndALinkToMore()
    {
        var timeline = Enumerable
            .Range(0, 30)
            .Select(i => new TimelineEntry($"e{i}", Now.AddMinutes(-i), TimelineKind.Event, $"event number {i}."))
            .ToList();

        var html = LeadDetailPage.Render(Shell(), File(timeline: timeline), LeadPageNotice.None);

        Assert.Contains("event number 24.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("event number 25.", html, StringComparison.Ordinal);
        Assert.True(
            html.IndexOf("event number 0.", StringComparison.Ordinal)
                < html.IndexOf("event number 1.", StringComparison.Ordinal)
        );
        Assert.Contains(
            $"href=\"{LeadDetailPage.PathOf(Lead().Id)}?entries=50#timeline\"",
            html,
            StringComparison.Ordinal
        );
    }
}
