using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LeadFunctions.Testing.Webinars;

/// <summary>
/// GoTo Webinar's event posts, signed as GoTo signs them (written independently of the code under test):
/// x-webhook-signature is the base64 HMAC-SHA256, under the webhook secret key, of
/// "{x-webhook-signature-timestamp}:{body}", the timestamp in Unix milliseconds. The payloads follow GoTo's "How to use
/// GoToWebinar webhooks" guide (developer.goto.com/guides/GoToWebinar/08_HOW_webhooks): one flat object per event.
/// </summary>
public static class GoToWebinarRequests
{
    public const string Route = "/api/webhooks/webinars/gotowebinar";
    public const string SecretKey = "f1679e36-17fe-48fa-93da-44195fd9e293";

    public static string Setting(string secretKey = SecretKey) => $"--Webhooks:GoToWebinar:SecretKey={secretKey}";

    public static HttpRequestMessage Post(string json, string secretKey = SecretKey, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-webhook-signature", Sign(secretKey, timestamp, json));
        request.Headers.Add("x-webhook-signature-timestamp", timestamp);
        return request;
    }

    public static string Sign(string secretKey, string timestamp, string json) =>
        Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes($"{timestamp}:{json}"))
        );

    /// <summary>registrant.added as the guide's example shows it, for <paramref name="email"/> (null: none).</summary>
    public static string RegistrantAdded(
        string? email,
        string firstName = "Ayşe",
        string lastName = "Yılmaz",
        string webinarKey = "4511665432126123456",
        string registrantKey = "24576065432313123456"
    ) =>
        $$"""
            {"eventName":"registrant.added","eventVersion":"1.0.0","product":"g2w","eventKey":"7fc43482-b239-45e2-a8f8-{{registrantKey[
                ^12..
            ]}}",{{EmailField(
                email
            )}}"firstName":"{{firstName}}","lastName":"{{lastName}}","phone":"0532 765 43 21","organization":"Işık Yazılım A.Ş.","jobTitle":"Pazarlama Müdürü","industry":"Software","numberOfEmployees":"251-500","responses":[],"registrationDate":"2026-11-20T10:00:00Z","status":"APPROVED","webinarKey":{{webinarKey}},"webinarTitle":"Pazarlama Otomasyonu 101","experienceType":"CLASSIC","recurrenceType":"single_session","webinarCreatorKey":7313424324482123456,"registrantKey":{{registrantKey}},"joinUrl":"https://global.gotowebinar.com/join/{{webinarKey}}/{{registrantKey}}","timestamp":"2026-11-20T10:00:00.837Z"}
            """;

    /// <summary>registrant.joined as the guide shows it: joinTime in Unix milliseconds.</summary>
    public static string RegistrantJoined(
        string? email,
        string webinarKey = "4511665432126123456",
        string registrantKey = "24576065432313123456"
    ) =>
        $$"""
            {"eventName":"registrant.joined","eventVersion":"1.0.0","product":"g2w","eventKey":"74d38461-9db8-4e41-8f59-{{registrantKey[
                ^12..
            ]}}","sessionKey":15887209,"webinarKey":{{webinarKey}},"firstName":"Ayşe","lastName":"Yılmaz",{{EmailField(
                email
            )}}"webinarTitle":"Pazarlama Otomasyonu 101","experienceType":"CLASSIC","recurrenceType":"single_session","webinarCreatorKey":7313424324482123456,"registrantKey":{{registrantKey}},"joinTime":1795683600000,"timestamp":"2026-11-24T09:00:01.517Z"}
            """;

    /// <summary>webinar.created: the webinar's times and time zone, no registrant.</summary>
    public const string WebinarCreated = """
        {"eventName":"webinar.created","eventVersion":"1.0.0","product":"g2w","eventKey":"26fb2c31-d02e-440d-8ff5-0e5daf8e7f93","webinarKey":4511665432126123456,"webinarTitle":"Pazarlama Otomasyonu 101","experienceType":"CLASSIC","recurrenceType":"single_session","webinarCreationDate":"2026-11-01T22:05:53.500Z","times":[{"startTime":"2026-11-24T09:00:00Z","endTime":"2026-11-24T10:00:00Z"}],"status":"NEW","timeZone":"Europe/Istanbul","organizerKey":6400055311316741000,"accountKey":4663974829570059000,"timestamp":"2026-11-01T22:05:54.426Z"}
        """;

    /// <summary>webinar.created or webinar.changed (as webinar.created's example) for one session of the webinar
    /// <paramref name="webinarKey"/>.</summary>
    public static string WebinarEvent(
        string eventName,
        string webinarKey,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        string status = "NEW"
    ) =>
        $$"""
            {"eventName":"{{eventName}}","eventVersion":"1.0.0","product":"g2w","eventKey":"26fb2c31-d02e-440d-8ff5-{{webinarKey[
                ^12..
            ]}}","webinarKey":{{webinarKey}},"webinarTitle":"Pazarlama Otomasyonu 102","experienceType":"CLASSIC","recurrenceType":"single_session","webinarCreationDate":"2026-11-01T22:05:53.500Z","times":[{"startTime":"{{startsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","endTime":"{{endsAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}],"status":"{{status}}","timeZone":"Europe/Istanbul","organizerKey":6400055311316741000,"accountKey":4663974829570059000,"timestamp":"2026-11-01T22:05:54.426Z"}
            """;

    private static string EmailField(string? email) => email is null ? string.Empty : $"\"email\":\"{email}\",";
}
