using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LeadFunctions.Testing.Webinars;

/// <summary>
/// Zoom's webinar webhook requests as Zoom signs them: x-zm-signature "v0=" + hex HMAC-SHA256 of
/// "v0:{x-zm-request-timestamp}:{body}" with the app's secret token (Zoom's "Using webhooks" page,
/// developers.zoom.us/docs/api/webhooks), written independently of the code under test.
/// </summary>
public static class ZoomRequests
{
    public const string Route = "/api/webhooks/webinars/zoom";

    public static HttpRequestMessage Sign(string json, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, Route)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-zm-request-timestamp", timestamp);
        request.Headers.Add("x-zm-signature", "v0=" + Hex(secret, $"v0:{timestamp}:{json}"));
        return request;
    }

    /// <summary>The lowercase hex HMAC-SHA256 of <paramref name="message"/> with <paramref name="secret"/>.</summary>
    public static string Hex(string secret, string message) =>
        Convert
            .ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)))
            .ToLowerInvariant();

    /// <summary>webinar.registration_created as Zoom's Webinars events reference shows it (payload.object: the
    /// webinar's id, uuid, topic, start_time, timezone; registrant with its join_url).</summary>
    public static string Registration(
        string webinarId,
        string email,
        string firstName,
        string lastName,
        DateTimeOffset startsAt,
        string joinUrl,
        long eventTs
    ) =>
        Event(
            "webinar.registration_created",
            eventTs,
            Webinar(webinarId, startsAt),
            "registrant",
            new Dictionary<string, object>
            {
                ["id"] = "r-" + email,
                ["email"] = email,
                ["first_name"] = firstName,
                ["last_name"] = lastName,
                ["status"] = "approved",
                ["join_url"] = joinUrl,
            }
        );

    /// <summary>webinar.participant_joined (payload.object.participant: email, join_time).</summary>
    public static string Joined(string webinarId, string email, DateTimeOffset joinedAt, long eventTs) =>
        Event(
            "webinar.participant_joined",
            eventTs,
            Webinar(webinarId, joinedAt),
            "participant",
            new Dictionary<string, object>
            {
                ["user_id"] = "u-" + email,
                ["user_name"] = email,
                ["id"] = "p-" + email,
                ["email"] = email,
                ["join_time"] = Iso(joinedAt),
            }
        );

    /// <summary>webinar.ended as Zoom's Webinars events reference shows it (payload.object: id, uuid, host_id, topic,
    /// type, start_time, timezone, duration, end_time).</summary>
    public static string Ended(string webinarId, DateTimeOffset startedAt, DateTimeOffset endedAt, long eventTs) =>
        Event("webinar.ended", eventTs, Webinar(webinarId, startedAt), "end_time", Iso(endedAt));

    private static Dictionary<string, object> Webinar(string webinarId, DateTimeOffset startsAt) =>
        new()
        {
            ["id"] = webinarId,
            ["uuid"] = "w-" + webinarId,
            ["host_id"] = "h1",
            ["topic"] = "Pazarlama Otomasyonu 101",
            ["type"] = 5,
            ["start_time"] = Iso(startsAt),
            ["timezone"] = "Europe/Istanbul",
            ["duration"] = 60,
        };

    private static string Event(
        string name,
        long eventTs,
        Dictionary<string, object> webinar,
        string field,
        object value
    )
    {
        webinar[field] = value;
        return JsonSerializer.Serialize(
            new
            {
                @event = name,
                event_ts = eventTs,
                payload = new { account_id = "acc1", @object = webinar },
            },
            Json
        );
    }

    /// <summary>Zoom sends UTF-8 as it is: "Ayşe", not "Ay\u015Fe".</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
