using System.Text.Json;
using LeadFunctions.Functions.Webinars;

namespace LeadFunctions.Functions.Tests.Webinars;

/// <summary>Livestorm's events, JSON:API-shaped as its webhooks page and People API show them
/// (developers.livestorm.co/docs/webhooks-1).</summary>
public class LivestormPayloadsTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private const string Registered = """
        {"data":{"id":"8f2c1e0a","type":"people","attributes":{"role":"participant","created_at":1795000000,"updated_at":1795000100,"email":"ayse@acme.com.tr","first_name":"Ayşe","last_name":"Yılmaz","registrant_detail":{"event_id":"2f6a0c8e-1b3d","session_id":"6c1d2e3f-4a5b","created_at":1795000000,"updated_at":1795690000,"fields":[{"id":"email","type":"text","value":"ayse@acme.com.tr","required":true},{"id":"company","type":"text","value":"Acme A.Ş.","required":false},{"id":"job_title","type":"text","value":"CMO","required":false},{"id":"phone_number","type":"text","value":"+90 212 555 0000","required":false},{"id":"colors","type":"select","value":["green"],"required":false}],"connection_link":"https://app.livestorm.co/p/2f6a0c8e/live?s=6c1d2e3f","attended":true,"attendance_duration":2710}}},"meta":{"webhook":{"event":"people.registered"}}}
        """;

    [Fact]
    public void Registrant_AttributesAndFormFields_ReachTheForm()
    {
        var form = LivestormPayloads.Registrant(Json(Registered));

        Assert.Equal(
            ("ayse@acme.com.tr", "Ayşe", "Yılmaz", "Acme A.Ş.", "CMO", "+90 212 555 0000"),
            (form.Email, form.FirstName, form.LastName, form.Company, form.JobTitle, form.Phone)
        );
    }

    [Fact]
    public void Registrant_WithoutAttributes_TheFormsFieldsStand()
    {
        var json = """
            {"data":{"type":"people","attributes":{"registrant_detail":{"fields":[{"id":"email","value":"b@acme.com"},{"id":"first_name","value":"Işık"}]}}}}
            """;

        var form = LivestormPayloads.Registrant(Json(json));

        Assert.Equal(("b@acme.com", "Işık"), (form.Email, form.FirstName));
        Assert.Equal("b@acme.com", LivestormPayloads.Email(Json(json)));
    }

    [Fact]
    public void PersonWebinar_IsTheSession_TimesInUnixSeconds()
    {
        var root = Json(Registered);

        Assert.Equal(new("livestorm", "6c1d2e3f-4a5b", null), LivestormPayloads.PersonWebinar(root));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), LivestormPayloads.RegisteredAt(root));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795690000), LivestormPayloads.UpdatedAt(root));
    }

    [Fact]
    public void JoinUrlAndMinutes_TheConnectionLink_AndTheSecondsToTheNearestMinute()
    {
        var root = Json(Registered);

        Assert.Equal("https://app.livestorm.co/p/2f6a0c8e/live?s=6c1d2e3f", LivestormPayloads.JoinUrl(root));
        Assert.Equal(45, LivestormPayloads.Minutes(root)); // 2,710 s
        Assert.Equal(
            1,
            LivestormPayloads.Minutes(
                Json("""{"data":{"attributes":{"registrant_detail":{"attendance_duration":30}}}}""")
            )
        );
        Assert.Null(LivestormPayloads.Minutes(Json("""{"data":{"attributes":{"registrant_detail":{}}}}""")));
        Assert.Null(LivestormPayloads.JoinUrl(Json("""{"data":{"attributes":{"registrant_detail":{}}}}""")));
    }

    [Fact]
    public void Session_ItsNameTimesAndZone_ZeroIsNoTime()
    {
        var session = LivestormPayloads.Session(
            Json(
                """
                {"data":{"id":"6c1d2e3f-4a5b","type":"sessions","attributes":{"event_id":"2f6a0c8e","status":"past","timezone":"Europe/Istanbul","name":"Satış Akademisi","estimated_started_at":1795683000,"started_at":1795683600,"ended_at":1795687200,"canceled_at":0}},"meta":{"webhook":{"event":"session.ended"}}}
                """
            )
        );
        var neverStarted = LivestormPayloads.Session(
            Json(
                """{"data":{"id":"s2","attributes":{"estimated_started_at":1795683000,"started_at":0,"ended_at":0}}}"""
            )
        );

        Assert.Equal(
            new(
                "livestorm",
                "6c1d2e3f-4a5b",
                "Satış Akademisi",
                DateTimeOffset.FromUnixTimeSeconds(1795683600),
                DateTimeOffset.FromUnixTimeSeconds(1795687200),
                "Europe/Istanbul"
            ),
            session
        );
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795683000), neverStarted.StartsAt);
        Assert.Null(neverStarted.EndsAt);
    }

    [Theory]
    [InlineData("""{"meta":{"webhook":{"event":"people.attended"}}}""", "people.attended")]
    [InlineData("""{"data":{"meta":{"webhook":{"event":"session.ended"}}}}""", "session.ended")]
    [InlineData("""{"data":{"type":"people"}}""", null)]
    public void EventName_UnderTheBodysMeta_OrTheResources(string json, string? expected)
    {
        Assert.Equal(expected, LivestormPayloads.EventName(Json(json)));
    }

    [Fact]
    public void IsTeamMember_OnlyForTheTeamMemberRole()
    {
        Assert.False(LivestormPayloads.IsTeamMember(Json(Registered)));
        Assert.True(
            LivestormPayloads.IsTeamMember(Json("""{"data":{"attributes":{"role":"team_member","email":"h@a.co"}}}"""))
        );
    }

    [Theory]
    [InlineData("/api/webhooks/webinars/livestorm/s3cr3t", "/api/webhooks/webinars/livestorm/{secret}")]
    [InlineData("/API/Webhooks/Webinars/Livestorm/s3cr3t/", "/API/Webhooks/Webinars/Livestorm/{secret}")]
    [InlineData("/api/webhooks/webinars/zoom", null)]
    [InlineData("/api/leads", null)]
    [InlineData(null, null)]
    public void LivestormAddress_Redacted_TheSecretNeverWritten(string? path, string? expected)
    {
        Assert.Equal(expected, LivestormAddress.Redacted(path));
    }
}
