using System.Text.Json;
using LeadFunctions.Functions.Webinars;

namespace LeadFunctions.Functions.Tests.Webinars;

/// <summary>GoTo Webinar's events as its "How to use GoToWebinar webhooks" guide shows them
/// (developer.goto.com/guides/GoToWebinar/08_HOW_webhooks).</summary>
public class GoToWebinarPayloadsTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private const string Added = """
        {"eventName":"registrant.added","eventVersion":"1.0.0","product":"g2w","eventKey":"7fc43482-b239-45e2-a8f8-3ca2f1fbada8","firstName":"Çağrı","lastName":"Işık","email":"cagri@acme.com.tr","phone":"+90 212 555 0000","organization":"Acme A.Ş.","jobTitle":"CTO","industry":"Retail","country":"TR","numberOfEmployees":"1,001-5,000","responses":[],"registrationDate":"2026-11-20T10:00:00.837Z","status":"APPROVED","webinarKey":4511665432126123456,"webinarTitle":"Ürün Turu","experienceType":"BROADCAST","recurrenceType":"single_session","webinarCreatorKey":7313424324482123456,"registrantKey":24576065432313123456,"joinUrl":"https://global.gotowebinar.com/join/4511665432126123456/123456789","timestamp":"2026-11-20T10:00:01.000Z"}
        """;

    [Fact]
    public void Registrant_GoTosFieldNames_ReachTheForm()
    {
        var form = GoToWebinarPayloads.Registrant(Json(Added));

        Assert.Equal(
            ("cagri@acme.com.tr", "Çağrı", "Işık", "Acme A.Ş.", "CTO"),
            (form.Email, form.FirstName, form.LastName, form.Company, form.JobTitle)
        );
        Assert.Equal(
            ("TR", "+90 212 555 0000", "Retail", "1,001-5,000"),
            (form.Country, form.Phone, form.Industry, form.CompanySize)
        );
    }

    [Fact]
    public void Scheduled_FromTheFirstSessionsStartToTheLastSessionsEnd_InItsTimeZone_AndWhenCancelled()
    {
        var series = Json(
            """
            {"eventName":"webinar.changed","webinarKey":4511665432126123456,"webinarTitle":"Seri","status":"UPDATED","times":[{"startTime":"2026-12-08T09:00:00Z","endTime":"2026-12-08T10:00:00Z"},{"startTime":"2026-12-01T09:00:00Z","endTime":"2026-12-01T10:30:00Z"}],"timeZone":"Europe/Istanbul"}
            """
        );

        Assert.Equal(
            new(
                "gotowebinar",
                "4511665432126123456",
                "Seri",
                new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero),
                "Europe/Istanbul"
            ),
            GoToWebinarPayloads.Scheduled(series)
        );
        Assert.False(GoToWebinarPayloads.Cancelled(series));
        Assert.True(GoToWebinarPayloads.Cancelled(Json("""{"status":"deleted"}""")));
        var untimed = GoToWebinarPayloads.Scheduled(Json("""{"webinarKey":1,"times":[],"timeZone":"Mars/Olympus"}"""));
        Assert.Equal((null, null, null), (untimed.StartsAt, untimed.EndsAt, untimed.TimeZone));
    }

    [Fact]
    public void Webinar_KeyLargerThanALong_KeptAsWritten()
    {
        Assert.Equal(new("gotowebinar", "4511665432126123456", "Ürün Turu"), GoToWebinarPayloads.Webinar(Json(Added)));
        Assert.Equal(
            "99999999999999999999",
            GoToWebinarPayloads.Webinar(Json("""{"webinarKey":99999999999999999999}""")).Id
        );
    }

    [Fact]
    public void OccurredAt_JoinTimeInMilliseconds_ElseTheRegistrationDate_ElseTheTimestamp()
    {
        Assert.Equal(
            DateTimeOffset.FromUnixTimeMilliseconds(1795683600000),
            GoToWebinarPayloads.OccurredAt(Json("""{"joinTime":1795683600000,"timestamp":"2026-11-24T09:00:01Z"}"""))
        );
        Assert.Equal(
            new DateTimeOffset(2026, 11, 20, 10, 0, 0, 837, TimeSpan.Zero),
            GoToWebinarPayloads.OccurredAt(Json(Added))
        );
        Assert.Equal(
            new DateTimeOffset(2026, 11, 24, 9, 0, 1, TimeSpan.Zero),
            GoToWebinarPayloads.OccurredAt(Json("""{"timestamp":"2026-11-24T09:00:01Z"}"""))
        );
        Assert.Null(GoToWebinarPayloads.OccurredAt(Json("{}")));
    }

    [Fact]
    public void JoinUrl_OnAnApprovedRegistration_NoneOtherwise()
    {
        Assert.Equal(
            "https://global.gotowebinar.com/join/4511665432126123456/123456789",
            GoToWebinarPayloads.JoinUrl(Json(Added))
        );
        Assert.Null(GoToWebinarPayloads.JoinUrl(Json("""{"status":"WAITING","joinUrl":""}""")));
    }

    [Theory]
    [InlineData("""{"eventName":"registrant.joined","registrantKey":1}""")]
    [InlineData("""{"eventName":"registrant.joined","email":""}""")]
    [InlineData("""{"eventName":"registrant.joined","email":null}""")]
    public void Email_AbsentOrEmpty_IsNone(string json)
    {
        Assert.Null(GoToWebinarPayloads.Email(Json(json)));
    }
}
