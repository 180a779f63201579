using System.Text.Json;
using System.Text.RegularExpressions;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Text;

/// <summary>The validators' messages on a Turkish page: each one the validators write has its translation.</summary>
public sealed partial class FieldMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A campaign with something wrong in nearly every field, a journey's too.</summary>
    private const string BadCampaign = """
        { "name": "", "priority": 5000, "language": "de",
          "trigger": { "stageEntered": ["nope"], "events": ["nope"], "sources": ["Bad Source"] },
          "audience": { "stages": ["x"], "temperatures": ["tepid"] },
          "stopWhen": { "events": ["zzz"] },
          "sendWindow": { "from": "25:00", "to": "08:00", "days": ["Xyz"] },
          "reenter": { "after": "PT0S" },
          "steps": [
            null,
            { "id": "a", "delay": "P2Y", "subject": "{{ lead.nope }}", "html": "{% if %}", "text": "t" },
            { "id": "a", "delay": "", "subject": "s\nt", "html": "h", "text": "t",
              "translations": { "de": { "subject": "s", "html": "h", "text": "t" }, "en": null } },
            { "id": "end", "delay": "PT1H", "subject": "s", "html": "h", "text": "t" },
            { "id": "w", "waitFor": {}, "atMost": "PT0S", "then": "nowhere", "on": { "webinar_missed": "x" } },
            { "id": "c", "if": { "recipientTypes": ["robot"], "languages": ["xx"] }, "then": "a", "else": "a" },
            { "id": "v", "delay": "PT1H", "variants": [ null ] } ] }
        """;

    [Fact]
    public void EveryMessageTheValidatorsWrite_HasItsTurkish()
    {
        var campaign = JsonSerializer.Deserialize<CampaignDefinition>(BadCampaign, JsonDefaults.Options)!;
        var messages = new List<string>();
        messages.AddRange(CampaignValidator.Validate("bad id!", campaign).Errors.SelectMany(e => e.Value));
        messages.AddRange(
            CampaignValidator.Validate("ok", campaign with { Steps = [] }).Errors.SelectMany(e => e.Value)
        );
        messages.AddRange(
            LeadFormValidator
                .Validate(
                    new LeadForm
                    {
                        Email = "not-an-address",
                        Phone = "12",
                        PageUrl = "/relative",
                        CompanySize = "many",
                        ConsentEmail = "maybe",
                        RecipientType = "robot",
                        Language = "xx",
                        ReferredBy = "nobody",
                        FirstName = "A<b>",
                    },
                    "s1",
                    Now
                )
                .Errors.SelectMany(e => e.Value)
        );
        messages.AddRange(
            ConsentImportRowValidator
                .Validate(
                    new Dictionary<string, string?>
                    {
                        ["email"] = "x",
                        ["status"] = "belki",
                        ["date"] = "2099-01-01",
                        ["source"] = "NOPE",
                        ["type"] = "FAX",
                        ["recipientType"] = "ROBOT",
                    },
                    3,
                    Now
                )
                .Errors.SelectMany(e => e.Value)
        );
        messages.AddRange(
            ConsentImportRowValidator
                .Validate(new Dictionary<string, string?> { ["date"] = "dün" }, 4, Now)
                .Errors.SelectMany(e => e.Value)
        );
        messages.AddRange(
            ScoringModelValidator
                .Validate(DefaultScoringModel.Create() with { MqlThreshold = 0, Grades = new GradeThresholds(1, 2, 3) })
                .SelectMany(e => e.Value)
        );

        Assert.True(messages.Distinct().Count() >= 40, $"{messages.Distinct().Count()} messages only");
        Assert.All(messages, message =>
            Assert.True(FieldMessages.In("tr", message) != message, $"No Turkish for \"{message}\"")
        );
    }

    [Fact]
    public void AMessage_IsTranslated_WithItsValues_AndARuleItQuotes()
    {
        Assert.Equal("Gerekli.", FieldMessages.In("tr", "Required."));
        Assert.Equal("En çok 200 karakter olmalı.", FieldMessages.In("tr", "Must be at most 200 characters."));
        Assert.Equal(
            "'Bad Source' bir kaynak adı değil: 1 ile 50 arası küçük harf, rakam, '-' ya da '_'.",
            FieldMessages.In("tr", "'Bad Source' is not a source name: 1 to 50 lowercase letters, digits, '-' or '_'.")
        );
        // The longer key wins over a shorter one that would match the start of the message and swallow the rest.
        Assert.Equal(
            "CSV okunamadı (bad). İlk 5 satır sıraya alındı (içe aktarma i1).",
            FieldMessages.In("tr", "The CSV could not be read (bad). The first 5 rows were queued (import i1).")
        );
        Assert.Equal("Required.", FieldMessages.In("en", "Required."));
        Assert.Equal("Something new.", FieldMessages.In("tr", "Something new."));
        Assert.Equal(
            new Dictionary<string, string[]> { ["name"] = ["Gerekli."] },
            FieldMessages.In("tr", new Dictionary<string, string[]> { ["name"] = ["Required."] })
        );
    }

    [Fact]
    public void EachTranslation_CarriesTheValuesItsKeyHas_AndEachKeyIsOnce()
    {
        Assert.All(TurkishFieldMessages.Table, m => Assert.Equal(Placeholders(m.English), Placeholders(m.Turkish)));
        Assert.Equal(TurkishFieldMessages.Table.Count, TurkishFieldMessages.Table.DistinctBy(m => m.English).Count());
    }

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex PlaceholderPattern();
}
