using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Campaigns;

/// <summary>A wait's own branch per event that wakes it ("on"), as written in a campaign's JSON.</summary>
public sealed class WaitBranchValidatorTests
{
    /// <summary>After the webinar: attended → the recording, a no-show → "sorry we missed you", nothing in three days
    /// → the same; "sorry" reached only through "on" and the timeout.</summary>
    private const string AfterTheWebinar = """
        { "name": "Webinar", "trigger": { "events": ["webinar_registered"] },
          "steps": [
            { "id": "after", "waitFor": { "events": ["webinar_attended", "webinar_missed"] }, "atMost": "P3D",
              "on": { "webinar_missed": "sorry" }, "then": "recording", "timeout": "sorry" },
            { "id": "recording", "delay": "PT1H", "subject": "Kayıt", "html": "<p>Kayıt</p>", "text": "Kayıt",
              "next": "end" },
            { "id": "sorry", "delay": "PT1H", "subject": "Sizi özledik", "html": "<p>Kayıt</p>", "text": "Kayıt" }
          ] }
        """;

    private static CampaignDefinition Read(string json) =>
        JsonSerializer.Deserialize<CampaignDefinition>(json, JsonDefaults.Options)!;

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(string json) =>
        CampaignValidator.Validate("webinar", Read(json)).Errors;

    [Fact]
    public void Validate_OnPerEvent_Typed_FollowedBySuccessors_AndWrittenBackTheSame()
    {
        var result = CampaignValidator.Validate("webinar", Read(AfterTheWebinar));

        Assert.Empty(result.Errors);
        var campaign = result.Value!;
        var wait = campaign.Steps[0].Wait!;
        Assert.Equal(new Dictionary<string, string> { ["webinar_missed"] = "sorry" }, wait.On);
        Assert.Equal("sorry", Journeys.Successor(campaign.Steps, campaign.Steps[0], "webinar_missed"));
        Assert.Equal("recording", Journeys.Successor(campaign.Steps, campaign.Steps[0], Journeys.Then));
        Assert.Equal(["recording", "sorry", "sorry"], Journeys.Successors(campaign.Steps, campaign.Steps[0]));

        var written = JsonSerializer.Serialize(CampaignDefinition.From(campaign), JsonDefaults.Options);
        Assert.Contains("\"on\":{\"webinar_missed\":\"sorry\"}", written, StringComparison.Ordinal);
        var again = CampaignValidator.Validate("webinar", Read(written));
        Assert.Empty(again.Errors);
        // Equal by the entries of "on" (a campaign read from storage has its own copy), not by the map's identity.
        Assert.Equal(wait, wait with { On = new Dictionary<string, string>(wait.On) });
        Assert.NotEqual(wait, wait with { On = new Dictionary<string, string> { ["webinar_missed"] = "recording" } });
        Assert.Equal(
            JsonSerializer.Serialize(campaign, JsonDefaults.Options),
            JsonSerializer.Serialize(again.Value, JsonDefaults.Options)
        );
    }

    [Fact]
    public void Validate_AStepReachedOnlyThroughOn_IsReachable()
    {
        var json = AfterTheWebinar.Replace("\"timeout\": \"sorry\"", "\"timeout\": \"end\"", StringComparison.Ordinal);

        Assert.Empty(ErrorsOf(json));
        Assert.Equal(
            ["No step leads here: nobody would ever reach it."],
            ErrorsOf(json.Replace("\"webinar_missed\": \"sorry\" }", "}", StringComparison.Ordinal))["steps[2]"]
        );
    }

    [Fact]
    public void Validate_AnEventTheWaitDoesNotWaitFor_ATargetThatIsNoStep_OrNone_NamedByTheirFields()
    {
        var errors = ErrorsOf(
            AfterTheWebinar.Replace(
                "\"webinar_missed\": \"sorry\"",
                "\"webinar_missed\": \"sory\", \"demo_request\": \"sorry\", \"webinar_attended\": \"\"",
                StringComparison.Ordinal
            )
        );

        Assert.Contains("'sory' is not a step", Assert.Single(errors["steps[0].on.webinar_missed"]));
        Assert.Contains(
            "is not one of the events the wait waits for",
            Assert.Single(errors["steps[0].on.demo_request"])
        );
        Assert.Contains("Where 'webinar_attended' goes", Assert.Single(errors["steps[0].on.webinar_attended"]));
    }

    [Fact]
    public void Validate_OnAnEmailOrACondition_Refused()
    {
        var errors = ErrorsOf(
            AfterTheWebinar
                .Replace(
                    "\"next\": \"end\" }",
                    "\"next\": \"end\", \"on\": { \"webinar_missed\": \"sorry\" } }",
                    StringComparison.Ordinal
                )
                .Replace(
                    "{ \"id\": \"sorry\",",
                    "{ \"id\": \"hot\", \"if\": { \"minScore\": 10 }, \"then\": \"sorry\", \"else\": \"end\", "
                        + "\"on\": { \"webinar_missed\": \"end\" } },\n{ \"id\": \"sorry\",",
                    StringComparison.Ordinal
                )
        );

        Assert.Equal(["Not a field of an email."], errors["steps[1].on"]);
        Assert.Equal(["Not a field of a condition."], errors["steps[2].on"]);
    }
}
