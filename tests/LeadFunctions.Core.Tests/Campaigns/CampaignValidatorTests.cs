using Fluid;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Campaigns;

public class CampaignValidatorTests
{
    /// <summary>docs/campaigns.md, "A campaign", written out.</summary>
    public static CampaignDefinition Example() =>
        new()
        {
            Name = "Fair follow-up",
            Active = true,
            Priority = 10,
            Trigger = new TriggerDefinition(["lead"], ["webinar_attended"], ["fair"]),
            Audience = new AudienceDefinition(["subscriber", "lead"], ["web", "fair"], 0),
            Steps =
            [
                new StepDefinition(
                    "welcome",
                    "PT0S",
                    "Hoş geldiniz {{ lead.firstName }}",
                    "<p>Merhaba {{ lead.firstName }}</p>",
                    "Merhaba {{ lead.firstName }}"
                ),
                new StepDefinition("case-study", "P2D", "...", "...", "..."),
            ],
            StopWhen = new StopDefinition(["sql", "opportunity", "customer", "disqualified"], ["demo_request"]),
            SendWindow = new SendWindowDefinition("09:00", "18:00", ["Mon", "Tue", "Wed", "Thu", "Fri"]),
        };

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(
        CampaignDefinition definition,
        string id = "fair-2026"
    )
    {
        var result = CampaignValidator.Validate(id, definition);
        Assert.Equal(result.Errors.Count == 0, result.IsValid);
        return result.Errors;
    }

    private static CampaignDefinition WithFirstStep(StepDefinition step) =>
        Example() with
        {
            Steps = [step, Example().Steps![1]],
        };

    private static CampaignDefinition WithTemplate(string html) =>
        WithFirstStep(new StepDefinition("welcome", "PT0S", "Subject", html, "Text"));

    [Fact]
    public void Validate_ApiExample_GivesTheTypedCampaign()
    {
        var result = CampaignValidator.Validate("fair-2026", Example());

        Assert.Empty(result.Errors);
        var campaign = result.Value;
        Assert.NotNull(campaign);
        Assert.Equal("fair-2026", campaign.Id);
        Assert.Equal(Languages.Turkish, campaign.Language);
        Assert.Equal([LifecycleStage.Lead], campaign.Trigger.StageEntered);
        Assert.Equal(TimeSpan.FromDays(2), campaign.Steps[1].Delay);
        Assert.Equal(
            [LifecycleStage.Sql, LifecycleStage.Opportunity, LifecycleStage.Customer, LifecycleStage.Disqualified],
            campaign.StopWhen.Stages
        );
        Assert.Equal(new TimeOnly(9, 0), campaign.SendWindow!.From);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            campaign.SendWindow.Days
        );
    }

    [Fact]
    public void From_ValidatedCampaign_ValidatesBackToTheSameCampaign()
    {
        var definition = Example() with
        {
            Steps =
            [
                Example().Steps![0]! with
                {
                    Delay = "PT36H",
                    Translations = new Dictionary<string, ContentDefinition?>
                    {
                        ["en"] = new("Welcome", "<p>Hi</p>", "Hi"),
                    },
                },
            ],
        };
        var campaign = CampaignValidator.Validate("c1", definition).Value!;

        var again = CampaignValidator.Validate("c1", CampaignDefinition.From(campaign)).Value!;

        Assert.Equal(TimeSpan.FromHours(36), again.Steps[0].Delay);
        Assert.Equal("Welcome", again.Steps[0].Translations["en"].Subject);
        Assert.Equal(campaign.SendWindow!.Days, again.SendWindow!.Days);
        Assert.Equal(campaign.Audience.Stages, again.Audience.Stages);
    }

    [Fact]
    public void Validate_HandEnrolledOnly_NoTriggerIsFine() =>
        Assert.Empty(ErrorsOf(Example() with { Trigger = null, Audience = null, StopWhen = null, SendWindow = null }));

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("ü")]
    public void Validate_BadRouteId_IdError(string id) => Assert.Contains("id", ErrorsOf(Example(), id).Keys);

    [Fact]
    public void Validate_IdOf65Characters_IdError() =>
        Assert.Contains("id", ErrorsOf(Example(), new string('a', 65)).Keys);

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Validate_NoName_NameRequired(string? name) =>
        Assert.Equal(["Required."], ErrorsOf(Example() with { Name = name })["name"]);

    [Fact]
    public void Validate_LongName_NameError() =>
        Assert.Contains("name", ErrorsOf(Example() with { Name = new string('n', 201) }).Keys);

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void Validate_PriorityOutOfRange_PriorityError(int priority) =>
        Assert.Contains("priority", ErrorsOf(Example() with { Priority = priority }).Keys);

    [Fact]
    public void Validate_UnknownLanguage_LanguageError() =>
        Assert.Contains("language", ErrorsOf(Example() with { Language = "de" }).Keys);

    [Fact]
    public void Validate_NoSteps_StepsError() => Assert.Contains("steps", ErrorsOf(Example() with { Steps = [] }).Keys);

    [Fact]
    public void Validate_21Steps_StepsError()
    {
        var steps = Enumerable
            .Range(0, 21)
            .Select(i => (StepDefinition?)new StepDefinition($"s{i}", "P1D", "S", "H", "T"))
            .ToList();
        Assert.Contains("steps", ErrorsOf(Example() with { Steps = steps }).Keys);
    }

    [Fact]
    public void Validate_DuplicateStepIds_SecondStepIdError()
    {
        var errors = ErrorsOf(Example() with { Steps = [Example().Steps![0], Example().Steps![0]] });
        Assert.Contains("steps[1].id", errors.Keys);
        Assert.DoesNotContain("steps[0].id", errors.Keys);
    }

    [Fact]
    public void Validate_BadStepId_StepIdError() =>
        Assert.Contains("steps[0].id", ErrorsOf(WithFirstStep(new StepDefinition("a b", "PT0S", "S", "H", "T"))).Keys);

    [Fact]
    public void Validate_NullStep_StepError() =>
        Assert.Contains("steps[1]", ErrorsOf(Example() with { Steps = [Example().Steps![0], null] }).Keys);

    [Theory]
    [InlineData("2 days")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("-P1D")]
    [InlineData("P366D")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_BadDelay_DelayError(string? delay) =>
        Assert.Contains(
            "steps[0].delay",
            ErrorsOf(WithFirstStep(new StepDefinition("welcome", delay, "S", "H", "T"))).Keys
        );

    [Theory]
    [InlineData("PT0S", 0)]
    [InlineData("PT36H", 36)]
    [InlineData("P365D", 365 * 24)]
    [InlineData("P1DT30M", 24.5)]
    public void Validate_Delay_ParsedAsIso8601(string delay, double hours) =>
        Assert.Equal(
            TimeSpan.FromHours(hours),
            CampaignValidator
                .Validate("c", WithFirstStep(new StepDefinition("welcome", delay, "S", "H", "T")))
                .Value!.Steps[0]
                .Delay
        );

    [Fact]
    public void Validate_MissingContent_EachPartRequired()
    {
        var errors = ErrorsOf(WithFirstStep(new StepDefinition("welcome", "PT0S", null, " ", "")));
        Assert.Contains("steps[0].subject", errors.Keys);
        Assert.Contains("steps[0].html", errors.Keys);
        Assert.Contains("steps[0].text", errors.Keys);
    }

    [Fact]
    public void Validate_TooLongHtml_HtmlError() =>
        Assert.Contains(
            "steps[0].html",
            ErrorsOf(WithTemplate(new string('x', CampaignValidator.MaxHtmlLength + 1))).Keys
        );

    [Fact]
    public void Validate_SubjectWithLineBreak_SubjectError() =>
        Assert.Contains(
            "steps[0].subject",
            ErrorsOf(WithFirstStep(new StepDefinition("welcome", "PT0S", "Hi\r\nBcc: x@example.com", "H", "T"))).Keys
        );

    [Theory]
    [InlineData("{{ lead.firstName | upcase }}")]
    [InlineData("{% if lead.company %}at {{ lead.company }}{% else %}there{% endif %}")]
    [InlineData("{{ lead.score | plus: 1 }} {{ unsubscribeUrl }} {{ sender.name }}, {{ sender.postalAddress }}")]
    [InlineData("{% assign who = lead.firstName | default: 'there' %}Hi {{ who }}")]
    [InlineData("Plain text, no Liquid at all.")]
    public void Validate_KnownPlaceholdersAndFilters_Pass(string html) => Assert.Empty(ErrorsOf(WithTemplate(html)));

    [Theory]
    [InlineData("{{ lead.password }}", "lead.password")]
    [InlineData("{{ foo }}", "foo")]
    [InlineData("{% if lead.secret %}x{% endif %}", "lead.secret")]
    [InlineData("{{ lead.firstName | append: lead.token }}", "lead.token")]
    [InlineData("{% for x in leads %}{{ x }}{% endfor %}", "leads")]
    public void Validate_UnknownPlaceholder_NamedInTheError(string html, string name)
    {
        var error = Assert.Single(ErrorsOf(WithTemplate(html))["steps[0].html"]);
        Assert.Contains($"'{name}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IndexerIntoLead_Refused() =>
        Assert.Contains("steps[0].html", ErrorsOf(WithTemplate("{{ lead[\"email\"] }}")).Keys);

    [Fact]
    public void Validate_Include_Refused() =>
        Assert.Contains("steps[0].html", ErrorsOf(WithTemplate("{% include 'footer' %}")).Keys);

    [Theory]
    [InlineData("{{ lead.firstName | raw }}")]
    [InlineData("{{lead.firstName|raw}}")]
    [InlineData("{{ lead.firstName | upcase | raw }}")]
    [InlineData("{{ lead.company | default: lead.firstName | raw }}")]
    [InlineData("{% if lead.company %}{{ lead.company | raw }}{% endif %}")]
    [InlineData("{% assign who = lead.firstName | raw %}{{ who }}")]
    [InlineData("{% capture who %}{{ lead.firstName | raw }}{% endcapture %}{{ who }}")]
    [InlineData("{% for x in (1..2) %}{{ lead.firstName | raw }}{% endfor %}")]
    [InlineData("{% echo lead.firstName | raw %}")]
    public void Validate_RawFilterInHtml_Refused(string html)
    {
        var error = Assert.Single(ErrorsOf(WithTemplate(html))["steps[0].html"]);
        Assert.Contains("'raw'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RawFilterInSubjectTextAndTranslation_EachFieldRefused()
    {
        var step = new StepDefinition(
            "welcome",
            "PT0S",
            "Hi {{ lead.firstName | raw }}",
            "<p>Hi</p>",
            "Hi {{lead.firstName|raw}}"
        )
        {
            Translations = new Dictionary<string, ContentDefinition?>
            {
                ["en"] = new("Hi", "<p>{{ lead.company | raw }}</p>", "Hi"),
            },
        };

        var errors = ErrorsOf(WithFirstStep(step));

        Assert.Equal(
            ["steps[0].subject", "steps[0].text", "steps[0].translations.en.html"],
            errors.Keys.Order(StringComparer.Ordinal)
        );
    }

    [Theory]
    [InlineData("{% raw %}{{ lead.firstName | raw }}{% endraw %}")]
    [InlineData("{{ lead.firstName | escape }} raw")]
    public void Validate_RawTagOrTheWordRaw_Pass(string html) => Assert.Empty(ErrorsOf(WithTemplate(html)));

    [Fact]
    public void Validate_LiquidThatDoesNotParse_ParsersMessage()
    {
        TemplatePlaceholders.Parser.TryParse("{{ lead.firstName", out _, out var parserMessage);

        var error = Assert.Single(ErrorsOf(WithTemplate("{{ lead.firstName"))["steps[0].html"]);

        Assert.StartsWith("The Liquid does not parse", error, StringComparison.Ordinal);
        Assert.Contains(parserMessage, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownStages_EachListNamed()
    {
        var errors = ErrorsOf(
            Example() with
            {
                Trigger = new TriggerDefinition(["prospect"], null, null),
                Audience = new AudienceDefinition(["3"], null, null),
                StopWhen = new StopDefinition(["won"], null),
            }
        );
        Assert.Contains("trigger.stageEntered", errors.Keys);
        Assert.Contains("audience.stages", errors.Keys);
        Assert.Contains("stopWhen.stages", errors.Keys);
    }

    [Fact]
    public void Validate_UnknownEvents_EventErrors()
    {
        var errors = ErrorsOf(
            Example() with
            {
                Trigger = new TriggerDefinition(null, ["bought_a_boat"], null),
                StopWhen = new StopDefinition(null, [null]),
            }
        );
        Assert.Contains("trigger.events", errors.Keys);
        Assert.Contains("stopWhen.events", errors.Keys);
    }

    [Fact]
    public void Validate_BadSources_SourceErrors()
    {
        var errors = ErrorsOf(
            Example() with
            {
                Trigger = new TriggerDefinition(null, null, ["Trade Show"]),
                Audience = new AudienceDefinition(null, [""], null),
            }
        );
        Assert.Contains("trigger.sources", errors.Keys);
        Assert.Contains("audience.sources", errors.Keys);
    }

    /// <summary>Scores can be negative (free mail is −5 by default) and have no upper bound (engagement without a
    /// cap): every whole number is a score some lead can have.</summary>
    [Theory]
    [InlineData(-5)]
    [InlineData(-1000)]
    [InlineData(0)]
    [InlineData(5000)]
    public void Validate_AnyMinScore_KeptAsWritten(int minScore)
    {
        var result = CampaignValidator.Validate(
            "any-score",
            Example() with
            {
                Audience = new AudienceDefinition(null, null, minScore),
            }
        );
        Assert.Equal(minScore, result.Value?.Audience.MinScore);
    }

    [Fact]
    public void Validate_Temperatures_KnownOnesKeptOthersRefused()
    {
        Assert.Contains(
            "audience.temperatures",
            ErrorsOf(Example() with { Audience = new AudienceDefinition(null, null, null, ["tepid"]) }).Keys
        );
        var hot = CampaignValidator.Validate(
            "hot",
            Example() with
            {
                Audience = new AudienceDefinition(null, null, null, ["hot", "warm"]),
            }
        );
        Assert.Equal([Temperature.Hot, Temperature.Warm], hot.Value!.Audience.Temperatures);
    }

    [Theory]
    [InlineData("9:00", "18:00", "sendWindow.from")]
    [InlineData("09:00", "24:00", "sendWindow.to")]
    [InlineData("18:00", "09:00", "sendWindow.to")]
    [InlineData("09:00", "09:00", "sendWindow.to")]
    [InlineData(null, "18:00", "sendWindow.from")]
    public void Validate_BadWindowTimes_WindowError(string? from, string to, string field) =>
        Assert.Contains(field, ErrorsOf(Example() with { SendWindow = new SendWindowDefinition(from, to, null) }).Keys);

    [Fact]
    public void Validate_UnknownDay_DaysError() =>
        Assert.Contains(
            "sendWindow.days",
            ErrorsOf(Example() with { SendWindow = new SendWindowDefinition("09:00", "18:00", ["Mon", "Pzt"]) }).Keys
        );

    [Fact]
    public void Validate_WindowWithoutDays_EveryDay() =>
        Assert.Empty(
            CampaignValidator
                .Validate("c", Example() with { SendWindow = new SendWindowDefinition("09:00", "18:00", null) })
                .Value!.SendWindow!.Days
        );

    [Theory]
    [InlineData("tr")]
    [InlineData("de")]
    public void Validate_TranslationIntoOwnOrUnknownLanguage_TranslationsError(string language)
    {
        var step = Example().Steps![0]! with
        {
            Translations = new Dictionary<string, ContentDefinition?> { [language] = new("S", "H", "T") },
        };
        Assert.Contains("steps[0].translations", ErrorsOf(WithFirstStep(step)).Keys);
    }

    [Fact]
    public void Validate_TranslationWithBadTemplate_FieldInsideTheTranslation()
    {
        var step = Example().Steps![0]! with
        {
            Translations = new Dictionary<string, ContentDefinition?> { ["en"] = new("S", "{{ foo }}", "") },
        };
        var errors = ErrorsOf(WithFirstStep(step));
        Assert.Contains("steps[0].translations.en.html", errors.Keys);
        Assert.Contains("steps[0].translations.en.text", errors.Keys);
    }

    [Fact]
    public void Validate_EnglishCampaign_TurkishTranslationAllowed()
    {
        var step = Example().Steps![0]! with
        {
            Translations = new Dictionary<string, ContentDefinition?> { ["tr"] = new("S", "H", "T") },
        };
        Assert.Empty(ErrorsOf(WithFirstStep(step) with { Language = "en" }));
    }
}
