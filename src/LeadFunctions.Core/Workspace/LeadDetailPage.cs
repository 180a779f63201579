using System.Globalization;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// A lead's page: the person, the score and what made it, the stage and its history, the consent ledger with its
/// evidence, each enrollment step by step, a page of the timeline, and the forms a person's roles allow (sales
/// decisions, enrollment, export; erasure for an admin).
/// </summary>
public static class LeadDetailPage
{
    /// <summary>The form fields the actions post.</summary>
    public const string DecisionField = "decision";
    public const string ReasonField = "reason";
    public const string CampaignField = "campaign";
    public const string EmailField = "email";

    private static readonly HtmlTemplate Template = new(
        "workspace-lead.liquid",
        typeof(Model),
        typeof(Item),
        typeof(Entry),
        typeof(ConsentRow),
        typeof(EnrollmentBlock),
        typeof(StepRow),
        typeof(Choice),
        typeof(Actions)
    );

    private static readonly Dictionary<string, TextId> Confirmations = new(StringComparer.Ordinal)
    {
        [SalesActions.Qualify] = TextId.LeadsQualified,
        [SalesActions.Disqualify] = TextId.LeadsDisqualified,
        [SalesActions.Convert] = TextId.LeadsConverted,
        [SalesActions.Win] = TextId.LeadsWon,
        [LeadPageNotice.Enrolled] = TextId.LeadsEnrolled,
        [LeadPageNotice.NotEnrolled] = TextId.LeadsNotEnrolled,
    };

    public static string PathOf(string leadId) => $"{WorkspacePaths.Leads}/{Uri.EscapeDataString(leadId)}";

    public static string Render(WorkspaceShell shell, LeadFile file, LeadPageNotice notice)
    {
        var t = new LeadLabels(shell.Language);
        var lead = file.Lead;
        var path = PathOf(lead.Id);
        var older = $"{path}?entries={file.Shown + LeadFileReader.PageOfEntries}";
        var body = Template.Render(
            new Model(
                shell.T,
                notice.Done is { } done && Confirmations.TryGetValue(done, out var said) ? t[said] : string.Empty,
                notice.Problem is { } problem ? t[problem] : string.Empty,
                Person(lead, t),
                [
                    new(t[TextId.LeadsScore], Number(lead.Score.Total)),
                    new(t[TextId.LeadsFit], Number(lead.Score.Fit)),
                    new(t[TextId.LeadsEngagement], Number(lead.Score.Engagement)),
                    new(t[TextId.LeadsGrade], lead.Grade),
                    new(t[TextId.LeadsTemperature], t.Temperature(lead.Temperature)),
                ],
                file.LatestScore is { } score ? $"{Time(score.At)} · {score.Summary}" : string.Empty,
                t.Stage(lead.Stage),
                lead.DisqualifyReason ?? string.Empty,
                [.. file.StageHistory.Select(EntryOf)],
                [
                    .. Enum.GetValues<ConsentChannel>()
                        .Select(c => new Item(
                            Named(t, "LeadsChannel", c),
                            Named(t, "LeadsConsent", lead.Consent.For(c).Status)
                        )),
                ],
                [.. file.Consent.Select(r => ConsentRowOf(r, t))],
                file.OlderConsent ? $"{older}#consent" : string.Empty,
                [.. file.Enrollments.Select(e => EnrollmentOf(e, t))],
                [.. file.ShownEntries.Select(EntryOf)],
                file.HasMore ? older : string.Empty,
                ActionsOf(shell, file, notice, t, path)
            )
        );
        return WorkspaceLayout.Render(shell, lead.FullName() ?? lead.Email, body);
    }

    internal static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Item[] Person(Lead lead, LeadLabels t) =>
        [
            new(t[TextId.LeadsName], lead.FullName() ?? string.Empty),
            new(t[TextId.LeadsEmail], lead.Email),
            new(t[TextId.LeadsPhone], lead.Phone ?? string.Empty),
            new(t[TextId.LeadsCompany], lead.Company ?? string.Empty),
            new(t[TextId.LeadsCountry], lead.Country ?? string.Empty),
            new(
                t[TextId.LeadsLanguage],
                lead.Language is { } code && Texts.Languages.Contains(code)
                    ? Texts.Get(TextId.LanguageName, code)
                    : string.Empty
            ),
            new(t[TextId.LeadsSource], lead.Source),
        ];

    private static Entry EntryOf(TimelineEntry entry) =>
        new(Time(entry.At), entry.Kind.ToString().ToLowerInvariant(), entry.Summary);

    private static ConsentRow ConsentRowOf(ConsentRecord record, LeadLabels t) =>
        new(
            Time(record.At),
            Named(t, "LeadsChannel", record.Channel),
            Named(t, "LeadsAction", record.Action),
            record.Source.ToApiName(),
            [
                .. new (TextId Label, string? Value)[]
                {
                    (TextId.LeadsIp, record.Ip),
                    (TextId.LeadsUserAgent, record.UserAgent),
                    (TextId.LeadsConsentText, record.Text),
                    (TextId.LeadsEvidence, record.Evidence),
                    (TextId.LeadsIysSource, record.IysSource),
                }
                    .Where(p => !string.IsNullOrEmpty(p.Value))
                    .Select(p => new Item(t[p.Label], p.Value!)),
            ]
        );

    private static EnrollmentBlock EnrollmentOf(EnrollmentInCampaign enrolled, LeadLabels t)
    {
        var e = enrolled.Enrollment;
        return new EnrollmentBlock(
            enrolled.Campaign?.Name ?? e.CampaignId,
            e.CampaignId,
            Named(t, "LeadsEnrollment", e.Status),
            t.Format(TextId.LeadsEnrolledAt, Time(e.EnrolledAt), e.Reason),
            e.StopReason ?? string.Empty,
            e is { NextStepId: { } next, NextDueAt: { } due } ? t.Format(TextId.LeadsNextStep, next, Time(due)) : "",
            [.. e.Steps.Select(s => new StepRow(s.StepId, Named(t, "LeadsStep", s.State), StepDetail(s, t)))]
        );
    }

    /// <summary>When and what became of a step: sent, delivered, opened, clicked, bounced; why it was skipped or
    /// failed; the branch a wait or condition took.</summary>
    private static string StepDetail(StepRecord step, LeadLabels t)
    {
        var parts = new List<string>();
        if (step.SentAt is { } sent)
        {
            parts.Add(Time(sent));
        }
        else if ((step.PassedAt ?? step.ClaimedAt) is { } at)
        {
            parts.Add(Time(at));
        }

        parts.AddRange(
            new (bool Seen, TextId Text)[]
            {
                (step.Delivered, TextId.LeadsDelivered),
                (step.Opened, TextId.LeadsOpened),
                (step.Clicked, TextId.LeadsClicked),
                (step.Bounced, TextId.LeadsBounced),
                (step.Unsubscribed, TextId.LeadsUnsubscribed),
            }
                .Where(f => f.Seen)
                .Select(f => t[f.Text])
        );
        parts.AddRange(new[] { step.Branch, step.Note }.OfType<string>());
        return string.Join(" · ", parts);
    }

    private static Actions ActionsOf(
        WorkspaceShell shell,
        LeadFile file,
        LeadPageNotice notice,
        LeadLabels t,
        string path
    )
    {
        // The reason's rule names its length; the other fields' errors have no placeholder.
        string Error(string field) =>
            notice.Errors.TryGetValue(field, out var id) ? t.Format(id, SalesDecisions.MaxReasonLength) : string.Empty;
        string Typed(string field) => notice.Typed.GetValueOrDefault(field) ?? string.Empty;
        var buttons = new (string Name, TextId Label)[]
        {
            (SalesActions.Qualify, TextId.LeadsQualify),
            (SalesActions.Convert, TextId.LeadsConvert),
            (SalesActions.Win, TextId.LeadsWin),
        };
        var chosen = Typed(CampaignField);
        return new Actions(
            shell.User?.Can(WorkspaceRoles.Sales) == true,
            shell.User?.Can(WorkspaceRoles.Admin) == true,
            WorkspaceShell.TokenField,
            shell.Token,
            $"{path}/decisions",
            [
                .. buttons
                    .Where(b => SalesActions.Allows(b.Name, file.Lead))
                    .Select(b => new Choice(b.Name, t[b.Label], false)),
            ],
            SalesActions.Allows(SalesActions.Disqualify, file.Lead),
            Typed(ReasonField),
            Error(ReasonField),
            $"{path}/enrollments",
            [.. file.ActiveCampaigns.Select(c => new Choice(c.Id, c.Name, c.Id == chosen))],
            Error(CampaignField),
            $"{path}/export",
            $"{path}/erasure",
            Typed(EmailField),
            Error(EmailField)
        );
    }

    private static string Named<TEnum>(LeadLabels t, string kind, TEnum value)
        where TEnum : struct, Enum => t[Enum.Parse<TextId>(kind + value)];

    private sealed record Model(
        IReadOnlyDictionary<string, string> T,
        string Done,
        string Problem,
        IReadOnlyList<Item> Person,
        IReadOnlyList<Item> Score,
        string ScoreRule,
        string Stage,
        string DisqualifyReason,
        IReadOnlyList<Entry> StageHistory,
        IReadOnlyList<Item> ConsentState,
        IReadOnlyList<ConsentRow> ConsentRecords,
        string MoreConsent,
        IReadOnlyList<EnrollmentBlock> Enrollments,
        IReadOnlyList<Entry> Timeline,
        string More,
        Actions Actions
    );

    private sealed record Item(string Label, string Value);

    private sealed record Entry(string At, string Kind, string Summary);

    private sealed record ConsentRow(
        string At,
        string Channel,
        string Action,
        string Source,
        IReadOnlyList<Item> Evidence
    );

    private sealed record EnrollmentBlock(
        string Name,
        string Id,
        string Status,
        string Enrolled,
        string StopReason,
        string Next,
        IReadOnlyList<StepRow> Steps
    );

    private sealed record StepRow(string Step, string State, string Detail);

    private sealed record Choice(string Value, string Label, bool Selected);

    /// <summary>The forms: those of sales when the person may decide, erasure only for an admin.</summary>
    private sealed record Actions(
        bool Sales,
        bool Admin,
        string TokenField,
        string Token,
        string DecidePath,
        IReadOnlyList<Choice> Decisions,
        bool CanDisqualify,
        string Reason,
        string ReasonError,
        string EnrollPath,
        IReadOnlyList<Choice> Campaigns,
        string CampaignError,
        string ExportPath,
        string ErasePath,
        string Email,
        string EmailError
    );
}
