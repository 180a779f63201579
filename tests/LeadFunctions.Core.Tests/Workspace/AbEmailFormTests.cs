using System.Text.RegularExpressions;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

/// <summary>An A/B email at a time of day, and where it goes next, edited on the form's own fields (not as JSON).</summary>
public sealed partial class AbEmailFormTests
{
    private static readonly CampaignStep AbEmail = new()
    {
        Id = "welcome",
        Delay = TimeSpan.FromDays(1),
        At = new StepAt(new TimeOnly(10, 0), [DayOfWeek.Monday, DayOfWeek.Tuesday], null, TimeSpan.Zero),
        Next = "end",
        Variants =
        [
            new StepVariant(
                "a",
                3,
                true,
                new StepContent("Merhaba", "<p>Merhaba</p>", "Merhaba"),
                new Dictionary<string, StepContent> { ["en"] = new("Hello", "<p>Hello</p>", "Hello") }
            ),
            new StepVariant(
                "b",
                1,
                false,
                new StepContent("Selam", "<p>Selam</p>", "Selam"),
                new Dictionary<string, StepContent>()
            ),
        ],
    };

    private static readonly Campaign Campaign = new()
    {
        Id = "ab",
        Name = "A/B",
        Language = Languages.Turkish,
        Steps = [AbEmail],
    };

    [Fact]
    public void OnTheFormsFields_WhatThePagePosts_ReadsBack_AndSavesTheSameStep()
    {
        var form = CampaignForm.Of(Campaign, "en");
        var step = form.Steps[0];
        Assert.Equal(StepForm.Email, step.Kind);
        Assert.Equal(("10:00", "end", ""), (step.AtTime, step.Then, step.Subject));
        Assert.Equal(["Mon", "Tue"], step.AtDays);
        Assert.Equal(
            [("a", "3", true, "Merhaba", "Hello"), ("b", "1", false, "Selam", "")],
            step.Variants.Select(v => (v.Id, v.Weight, v.Active, v.Subject, v.TranslationSubject))
        );

        var html = Render(form, new Dictionary<string, string[]>());
        var posted = new Dictionary<string, IReadOnlyList<string>>
        {
            ["name"] = [form.Name],
            ["language"] = [form.Language],
            ["steps[0].kind"] = ["email"],
            ["steps[0].id"] = ["welcome"],
            ["steps[0].delay"] = [step.Delay],
            ["steps[0].at.time"] = ["10:00"],
            ["steps[0].at.days"] = ["Mon", "Tue"],
            ["steps[0].next"] = ["end"],
        };
        foreach (var (variant, k) in step.Variants.Select((v, k) => (v, k)))
        {
            var at = $"steps[0].variants[{k}]";
            posted[$"{at}.id"] = [variant.Id];
            posted[$"{at}.weight"] = [variant.Weight];
            posted[$"{at}.subject"] = [variant.Subject];
            posted[$"{at}.html"] = [variant.Html];
            posted[$"{at}.text"] = [variant.Text];
            posted[$"{at}.translation.subject"] = [variant.TranslationSubject];
            posted[$"{at}.translation.html"] = [variant.TranslationHtml];
            posted[$"{at}.translation.text"] = [variant.TranslationText];
            if (variant.Active)
            {
                posted[$"{at}.active"] = ["true"];
            }
        }

        // Every name posted here is a field of the page; a box not ticked posts nothing.
        var names = FieldName().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(posted.Keys, k => k != "name" && k != "language" && !names.Contains(k));
        Assert.Matches("<input id=\"f-steps-0-variants-0-active-true\"[^>]*value=\"true\" checked>", html);
        Assert.Matches("<input id=\"f-steps-0-variants-1-active-true\"[^>]*value=\"true\">", html);
        Assert.Contains("name=\"steps[0].at.time\" type=\"time\" value=\"10:00\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"steps[0].subject\"", html, StringComparison.Ordinal);

        Assert.Equivalent(step, CampaignForm.Read(posted).Steps[0], strict: true);
        var again = CampaignValidator.Validate("ab", form.ToDefinition("en").Definition!);
        Assert.Empty(again.Errors);
        Assert.Equivalent(AbEmail, again.Value!.Steps[0], strict: true);
    }

    [Fact]
    public void AVariantWithoutASubject_TheValidatorsErrorNextToItsField_InTurkish()
    {
        var form = CampaignForm.Of(Campaign, "tr");
        form = form with
        {
            Steps =
            [
                form.Steps[0] with
                {
                    Variants = [form.Steps[0].Variants[0], form.Steps[0].Variants[1] with { Subject = "" }],
                },
            ],
        };
        var errors = CampaignValidator.Validate("ab", form.ToDefinition("tr").Definition!).Errors;
        Assert.Equal(["steps[0].variants[1].subject"], errors.Keys);

        var html = Render(form, errors, "tr");
        Assert.Matches("<input id=\"f-steps-0-variants-1-subject\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains(
            "<span class=\"error\" id=\"f-steps-0-variants-1-subject-note\">Gerekli.</span>",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("<a href=\"#f-steps-0-variants-1-subject\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AShareThatIsNoNumber_IsTheFieldsError_AndNothingToSave()
    {
        var form = CampaignForm.Of(Campaign, "en");
        form = form with
        {
            Steps =
            [
                form.Steps[0] with
                {
                    Variants = [form.Steps[0].Variants[0] with { Weight = "many" }, form.Steps[0].Variants[1]],
                },
            ],
        };
        var (definition, errors) = form.ToDefinition("en");
        Assert.Null(definition);
        Assert.Equal(["steps[0].variants[0].weight"], errors.Keys);
    }

    [Fact]
    public void Buttons_MakeAnEmailAnAbTest_AddAndRemoveVariants_TheLastOneLeftIsTheEmail()
    {
        var plain = new CampaignStep { Id = "plain", Content = new StepContent("Düz", "<p>Düz</p>", "Düz") };
        var form = CampaignForm.Of(Campaign with { Steps = [plain, plain with { Id = "next" }] }, "en");
        var ab = form.Apply("add-variant-0").Steps[0];
        Assert.Equal(("", ""), (ab.Subject, ab.Html));
        Assert.Equal(
            [("a", "Düz", "1", true), ("b", "Düz", "1", true)],
            ab.Variants.Select(v => (v.Id, v.Subject, v.Weight, v.Active))
        );

        var three = form.Apply("add-variant-0").Apply("add-variant-0");
        Assert.Equal(["a", "b", "c"], three.Steps[0].Variants.Select(v => v.Id));
        Assert.Equal(["a", "c"], three.Apply("remove-variant-0-1").Steps[0].Variants.Select(v => v.Id));
        Assert.Equal(three.Steps, three.Apply("remove-variant-0-7").Apply("add-variant-9").Apply("add-").Steps);

        var five = Enumerable.Range(0, 7).Aggregate(form, (f, _) => f.Apply("add-variant-0"));
        Assert.Equal(CampaignStepValidator.MaxVariants, five.Steps[0].Variants.Count);

        var back = form.Apply("add-variant-0") is var two
            ? two with
            {
                Steps =
                [
                    two.Steps[0] with
                    {
                        Variants = [two.Steps[0].Variants[0], two.Steps[0].Variants[1] with { Subject = "B" }],
                    },
                    two.Steps[1],
                ],
            }
            : null!;
        var email = back.Apply("remove-variant-0-0").Steps[0];
        Assert.Equal(("B", "<p>Düz</p>", 0), (email.Subject, email.Html, email.Variants.Count));
    }

    [Fact]
    public void AStepAtADateOfTheEnrollment_StaysJson_AndTheJsonButtonBeginsOne()
    {
        var reminder = new CampaignStep
        {
            Id = "reminder",
            At = new StepAt(new TimeOnly(10, 0), [], EnrollmentDates.WebinarStartsAt, TimeSpan.FromDays(-1)),
            Content = new StepContent("Yarın", "<p>Yarın</p>", "Yarın"),
        };
        var campaign = Campaign with { Steps = [reminder] };
        Assert.Equal(StepForm.Advanced, CampaignForm.Of(campaign, "en").Steps[0].Kind);

        var begun = CampaignForm.Of(campaign, "en").Apply("add-advanced");
        Assert.Equal(StepForm.Advanced, begun.Steps[1].Kind);
        var again = CampaignValidator.Validate("ab", begun.ToDefinition("en").Definition!);
        Assert.Empty(again.Errors);
        Assert.Equal(reminder.At, again.Value!.Steps[1].At! with { Days = reminder.At.Days });
    }

    private static string Render(
        CampaignForm form,
        IReadOnlyDictionary<string, string[]> errors,
        string language = "en"
    ) =>
        CampaignEditorPage.Render(
            new WorkspaceShell(language, null, WorkspaceSection.Campaigns, "/workspace/campaigns/ab/edit", "t"),
            form,
            errors,
            null,
            null
        );

    [GeneratedRegex("name=\"([^\"]+)\"")]
    private static partial Regex FieldName();
}
