using System.Globalization;
using System.Text;

namespace LeadFunctions.Testing.Webinars;

/// <summary>
/// Livestorm's event posts: JSON:API-shaped, the resource under "data" (a person with its registrant_detail, as
/// Livestorm's People API and webhooks give it) and the event's name under "meta.webhook.event"
/// (developers.livestorm.co/docs/webhooks-1). Livestorm signs nothing: the address ends in the secret.
/// </summary>
public static class LivestormRequests
{
    public const string RoutePrefix = "/api/webhooks/webinars/livestorm/";
    public const string Secret = "ls-Xq7vN2pR9tK4mW8zB3cF6hJ1dG5sL0aY";
    public const string SessionId = "6c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

    private const string PersonTemplate = """
        {"data":{"id":"8f2c1e0a-5b7d-4c3e-9a1f-2d4e6b8c0a12","type":"people","attributes":{"role":"ROLE","created_at":1795000000,"updated_at":1795690000,"timezone":"Europe/Istanbul",EMAIL_ATTRIBUTE"first_name":"FIRST","last_name":"LAST","avatar_link":null,"registrant_detail":{"event_id":"2f6a0c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f","session_id":"SESSION","created_at":1795000000,"updated_at":1795690000,"fields":[{"id":"email","type":"text","value":EMAIL_VALUE,"required":true},{"id":"first_name","type":"text","value":"FIRST","required":true},{"id":"last_name","type":"text","value":"LAST","required":true},{"id":"company","type":"text","value":"Işık Yazılım A.Ş.","required":false},{"id":"job_title","type":"text","value":"Satış Direktörü","required":false}],"referrer":null,"utm_source":"linkedin","utm_medium":null,"utm_term":null,"utm_content":null,"utm_campaign":null,"ip_country_code":"TR","connection_link":"https://app.livestorm.co/p/2f6a0c8e/live?s=SESSION","attended":ATTENDED,"attendance_rate":RATE,"attendance_duration":SECONDS,"has_viewed_replay":false,"registration_type":"public","is_highlighted":false,"is_guest_speaker":false,"session_role":null},"messages_count":0,"questions_count":0,"votes_count":0,"up_votes_count":0}},"meta":{"webhook":{"event":"EVENT","created_at":1795690001}}}
        """;

    private const string SessionTemplate = """
        {"data":{"id":"SESSION","type":"sessions","attributes":{"event_id":"2f6a0c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f","status":"past","timezone":"Europe/Istanbul","room_link":"https://app.livestorm.co/p/2f6a0c8e/live?s=SESSION","name":"Satış Akademisi","attendees_count":1,"duration":3600,"estimated_started_at":1795683600,"started_at":1795683600,"ended_at":1795687200,"canceled_at":0,"created_at":1795000000,"updated_at":1795687200,"registrants_count":2,"breakout_room_parent_session_id":null}},"meta":{"webhook":{"event":"session.ended","created_at":1795687201}}}
        """;

    public static string Setting(string secret = Secret) => $"--Webhooks:Livestorm:Secret={secret}";

    public static HttpRequestMessage Post(string json, string secret = Secret) =>
        new(HttpMethod.Post, RoutePrefix + Uri.EscapeDataString(secret))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };

    /// <summary>A person event (people.registered, people.attended, people.not_attended) for
    /// <paramref name="email"/> (null: none).</summary>
    public static string Person(
        string eventName,
        string? email,
        string firstName = "Çağrı",
        string lastName = "Işık",
        string role = "participant",
        string sessionId = SessionId,
        int attendanceSeconds = 0
    ) =>
        PersonTemplate
            .Replace(
                "EMAIL_ATTRIBUTE",
                email is null ? string.Empty : $"\"email\":\"{email}\",",
                StringComparison.Ordinal
            )
            .Replace("EMAIL_VALUE", email is null ? "null" : $"\"{email}\"", StringComparison.Ordinal)
            .Replace("ROLE", role, StringComparison.Ordinal)
            .Replace("FIRST", firstName, StringComparison.Ordinal)
            .Replace("LAST", lastName, StringComparison.Ordinal)
            .Replace("SESSION", sessionId, StringComparison.Ordinal)
            .Replace("ATTENDED", attendanceSeconds > 0 ? "true" : "false", StringComparison.Ordinal)
            .Replace("RATE", attendanceSeconds > 0 ? "80" : "0", StringComparison.Ordinal)
            .Replace("SECONDS", attendanceSeconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("EVENT", eventName, StringComparison.Ordinal);

    /// <summary>session.ended: the session, its time zone and its times in Unix seconds.</summary>
    public static string SessionEnded(string sessionId = SessionId) =>
        SessionTemplate.Replace("SESSION", sessionId, StringComparison.Ordinal);
}
