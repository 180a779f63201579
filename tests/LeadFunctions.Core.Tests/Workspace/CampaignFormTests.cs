using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public sealed class CampaignFormTests
{
    private static readonly Campaign Journey = new()
    {
        Id = "journey",
        Name = "Fuar & \"Aşk\"",
        Language = Languages.Turkish,
        Priority = 3,
        Trigger = new CampaignTrigger { Sources = ["fair"] },
        SendWindow = new SendWindow(new TimeOnly(9, 0), new TimeOnly(18, 0), [DayOfWeek.Monday, DayOfWeek.Friday]),
        Reenter = new Reentry(TimeSpan.FromDays(90)),
        Steps =
        [
            new CampaignStep
            {
                Id = "welcome",
                Content = new StepContent("Merhaba", "<p>Merhaba</p>", "Merhaba"),
                Translations = new Dictionary<string, StepContent> { ["en"] = new("Hello", "<p>Hello</p>", "Hello") },
            },
            new CampaignStep
            {
                Id = "clicked",
                Wait = new StepWait(new WaitUntil { Clicked = "welcome" }, TimeSpan.FromDays(3), "end", "reminder"),
            },
            new CampaignStep
            {
                Id = "reminder",
                Delay = TimeSpan.FromDays(2),
                Content = new StepContent("Hatırlatma", "<p>Hatırlatma</p>", "Hatırlatma"),
            },
        ],
    };

    [Fact]
    public void Of_ThenToDefinition_ValidatesToTheSameCampaign()
    {
        var form = CampaignForm.Of(Journey, "en");
        Assert.Equal(["email", "wait", "email"], form.Steps.Select(s => s.Kind));
        Assert.Equal(
            ("welcome", "3 days", "end", "reminder"),
            (form.Steps[1].Clicked, form.Steps[1].AtMost, form.Steps[1].Then, form.Steps[1].Timeout)
        );
        Assert.Equal("2 days", form.Steps[2].Delay);
        Assert.Equal("Hello", form.Steps[0].TranslationSubject);
        Assert.Equal("90 days", form.ReenterAfter);

        var (definition, errors) = form.ToDefinition("en");
        Assert.Empty(errors);
        var again = CampaignValidator.Validate("journey", definition!);
        Assert.Empty(again.Errors);
        Assert.Equal(
            Journey.Steps.Select(s => (s.Id, s.Delay, s.IsEmail)),
            again.Value!.Steps.Select(s => (s.Id, s.Delay, s.IsEmail))
        );
        Assert.Equivalent(Journey.Steps[1].Wait, again.Value.Steps[1].Wait, strict: true);
        Assert.Equivalent(Journey.SendWindow, again.Value.SendWindow, strict: true);
        Assert.Equal(Journey.Reenter, again.Value.Reenter);
        Assert.Equal("Hello", again.Value.Steps[0].Translations["en"].Subject);
    }

    [Fact]
    public void Read_WhatThePageWrites_ReadsTheSameForm()
    {
        var form = CampaignForm.Of(Journey, "tr");
        var fields = new Dictionary<string, IReadOnlyList<string>>
        {
            ["id"] = [form.Id],
            ["name"] = [form.Name],
            ["language"] = [form.Language],
            ["priority"] = [form.Priority],
            ["active"] = ["true"],
            ["trigger.sources"] = [form.TriggerSources],
            ["sendWindow.from"] = [form.WindowFrom],
            ["sendWindow.to"] = [form.WindowTo],
            ["sendWindow.days"] = [.. form.WindowDays],
            ["reenter.after"] = [form.ReenterAfter],
        };
        for (var i = 0; i < form.Steps.Count; i++)
        {
            var step = form.Steps[i];
            fields[$"steps[{i}].kind"] = [step.Kind];
            fields[$"steps[{i}].id"] = [step.Id];
            fields[$"steps[{i}].delay"] = [step.Delay];
            fields[$"steps[{i}].subject"] = [step.Subject];
            fields[$"steps[{i}].html"] = [step.Html];
            fields[$"steps[{i}].text"] = [step.Text];
            fields[$"steps[{i}].translation.subject"] = [step.TranslationSubject];
            fields[$"steps[{i}].translation.html"] = [step.TranslationHtml];
            fields[$"steps[{i}].translation.text"] = [step.TranslationText];
            fields[$"steps[{i}].json"] = [step.Json];
            fields[$"steps[{i}].waitFor.events"] = [.. step.Events];
            fields[$"steps[{i}].waitFor.stages"] = [.. step.Stages];
            fields[$"steps[{i}].waitFor.minScore"] = [step.MinScore];
            fields[$"steps[{i}].waitFor.opened"] = [step.Opened];
            fields[$"steps[{i}].waitFor.clicked"] = [step.Clicked];
            fields[$"steps[{i}].atMost"] = [step.AtMost];
            fields[$"steps[{i}].then"] = [step.Then];
            fields[$"steps[{i}].timeout"] = [step.Timeout];
        }

        Assert.Equivalent(form with { Active = true }, CampaignForm.Read(fields), strict: true);
    }

    [Fact]
    public void Apply_AddsMovesAndRemovesSteps_AndIgnoresWhatItDoesNotKnow()
    {
        var form = CampaignForm.Of(Journey, "en");
        var added = form.Apply("add-email");
        Assert.Equal(4, added.Steps.Count);
        Assert.Equal(("email-4", "2 days"), (added.Steps[3].Id, added.Steps[3].Delay));
        Assert.Equal(["clicked", "welcome", "reminder"], form.Apply("up-1").Steps.Select(s => s.Id));
        Assert.Equal(["welcome", "reminder", "clicked"], form.Apply("down-1").Steps.Select(s => s.Id));
        Assert.Equal(["welcome", "reminder"], form.Apply("remove-1").Steps.Select(s => s.Id));
        Assert.Equal(form.Steps, form.Apply("up-0").Apply("down-2").Apply("remove-9").Apply("explode").Steps);
        Assert.Equal(
            (StepForm.Wait, "reminder"),
            (form.Apply("add-wait").Steps[3].Kind, form.Apply("add-wait").Steps[3].Clicked)
        );
        Assert.Equal(
            (StepForm.Condition, "reminder"),
            (form.Apply("add-condition").Steps[3].Kind, form.Apply("add-condition").Steps[3].Opened)
        );
        Assert.Contains("\"relativeTo\"", form.Apply("add-advanced").Steps[3].Json, StringComparison.Ordinal);
    }

    [Fact]
    public void ACondition_OnTheFormsFields_RoundTrips_AndOneOnCountriesStaysJson()
    {
        var condition = new CampaignStep
        {
            Id = "hot",
            Condition = new StepCondition(
                new PersonCondition { Temperatures = [Temperature.Hot], Opened = "welcome" },
                "reminder",
                "end"
            ),
        };
        var campaign = Journey with { Steps = [Journey.Steps[0], condition, Journey.Steps[2]] };
        var form = CampaignForm.Of(campaign, "en");
        Assert.Equal(StepForm.Condition, form.Steps[1].Kind);
        Assert.Equal(["hot"], form.Steps[1].Temperatures);
        Assert.Equal(("welcome", "reminder", "end"), (form.Steps[1].Opened, form.Steps[1].Then, form.Steps[1].Else));
        var again = CampaignValidator.Validate("journey", form.ToDefinition("en").Definition!);
        Assert.Empty(again.Errors);
        Assert.Equivalent(condition, again.Value!.Steps[1], strict: true);

        var byCountry = condition with
        {
            Condition = condition.Condition! with { If = new PersonCondition { Countries = ["TR"] } },
        };
        Assert.Equal(
            StepForm.Advanced,
            CampaignForm
                .Of(campaign with { Steps = [Journey.Steps[0], byCountry, Journey.Steps[2]] }, "en")
                .Steps[1]
                .Kind
        );
    }

    [Fact]
    public void AWaitWithOnePerEventBranch_RowsOnThePage_ReadBack_RoundTrips_AnEmptyRowAddsOne()
    {
        var wait = new CampaignStep
        {
            Id = "clicked",
            Wait = new StepWait(
                new WaitUntil { Events = [EventTypes.WebinarAttended, EventTypes.WebinarMissed] },
                TimeSpan.FromDays(3),
                "welcome",
                "reminder"
            )
            {
                On = new Dictionary<string, string> { [EventTypes.WebinarMissed] = "reminder" },
            },
        };
        var campaign = Journey with { Steps = [Journey.Steps[0], wait, Journey.Steps[2]] };
        var form = CampaignForm.Of(campaign, "en");
        Assert.Equal(StepForm.Wait, form.Steps[1].Kind);
        Assert.Equal([new WaitBranch("webinar_missed", "reminder")], form.Steps[1].On);

        var html = CampaignEditorPage.Render(
            new WorkspaceShell("en", null, WorkspaceSection.Campaigns, "/workspace/campaigns/journey/edit", "t"),
            form,
            new Dictionary<string, string[]>(),
            null,
            null
        );
        Assert.Matches(
            "name=\"steps\\[1\\]\\.on\\[0\\]\\.event\"[^>]*>.*?<option value=\"webinar_missed\" selected>",
            html
        );
        Assert.Matches("name=\"steps\\[1\\]\\.on\\[0\\]\\.target\"[^>]*>.*?<option value=\"reminder\" selected>", html);
        Assert.Contains("name=\"steps[1].on[1].event\"", html, StringComparison.Ordinal);

        // As posted: the row as it was, and the empty row filled in with a second event.
        var fields = new Dictionary<string, IReadOnlyList<string>>
        {
            ["name"] = [form.Name],
            ["language"] = [form.Language],
            ["steps[0].kind"] = ["email"],
            ["steps[0].id"] = ["welcome"],
            ["steps[1].kind"] = ["wait"],
            ["steps[1].id"] = ["clicked"],
            ["steps[1].waitFor.events"] = ["webinar_attended", "webinar_missed"],
            ["steps[1].atMost"] = ["3 days"],
            ["steps[1].on[0].event"] = ["webinar_missed"],
            ["steps[1].on[0].target"] = ["reminder"],
            ["steps[1].on[1].event"] = ["webinar_attended"],
            ["steps[1].on[1].target"] = ["end"],
            ["steps[2].kind"] = ["email"],
            ["steps[2].id"] = ["reminder"],
        };
        Assert.Equal(
            [new WaitBranch("webinar_missed", "reminder"), new WaitBranch("webinar_attended", "end")],
            CampaignForm.Read(fields).Steps[1].On
        );
        fields.Remove("steps[1].on[1].event");
        Assert.Equal([new WaitBranch("webinar_missed", "reminder")], CampaignForm.Read(fields).Steps[1].On);

        var again = CampaignValidator.Validate("journey", form.ToDefinition("en").Definition!);
        Assert.Empty(again.Errors);
        Assert.Equivalent(wait, again.Value!.Steps[1], strict: true);
    }

    [Fact]
    public void AWaitsBranchForAnEventItDoesNotWaitFor_TheValidatorsErrorNextToItsRow()
    {
        var form = CampaignForm.Of(Journey, "en");
        form = form with
        {
            Steps =
            [
                form.Steps[0],
                form.Steps[1] with
                {
                    On = [new WaitBranch("webinar_missed", "reminder")],
                },
                form.Steps[2],
            ],
        };
        var errors = CampaignValidator.Validate("journey", form.ToDefinition("en").Definition!).Errors;
        Assert.Contains("is not one of the events", Assert.Single(errors["steps[1].on.webinar_missed"]));

        var html = CampaignEditorPage.Render(
            new WorkspaceShell("en", null, WorkspaceSection.Campaigns, "/workspace/campaigns/journey/edit", "t"),
            form,
            errors,
            null,
            null
        );
        Assert.Matches(
            "<select id=\"f-steps-1-on-webinar-missed\" name=\"steps\\[1\\]\\.on\\[0\\]\\.target\" "
                + "aria-invalid=\"true\"",
            html
        );
        Assert.Contains("<a href=\"#f-steps-1-on-webinar-missed\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDefinition_WhatTheFormCannotRead_IsTheFieldsError()
    {
        var form = CampaignForm.Of(Journey, "en") is var f
            ? f with
            {
                Priority = "high",
                Steps =
                [
                    f.Steps[0] with
                    {
                        Delay = "soon",
                    },
                    f.Steps[1] with
                    {
                        AtMost = "a while",
                    },
                    f.Steps[2],
                    StepForm.NewAdvanced("ab") with
                    {
                        Json = "{ \"id\": ",
                    },
                ],
            }
            : null!;
        var (definition, errors) = form.ToDefinition("tr");
        Assert.Null(definition);
        Assert.Equal(
            ["priority", "steps[0].delay", "steps[1].atMost", "steps[3].json"],
            errors.Keys.Order(StringComparer.Ordinal)
        );
        Assert.StartsWith("Bekleme süresini", errors["steps[0].delay"][0], StringComparison.Ordinal);
    }
}
