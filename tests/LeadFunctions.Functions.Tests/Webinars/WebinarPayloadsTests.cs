using System.Text.Json;
using LeadFunctions.Functions.Webinars;

namespace LeadFunctions.Functions.Tests.Webinars;

public class WebinarPayloadsTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void ZoomRegistrant_ZoomsFieldNames_ReachTheForm()
    {
        var form = WebinarPayloads.ZoomRegistrant(
            Json(
                """
                {"email":"a@acme.com.tr","first_name":"Ayşe","last_name":"Yılmaz","org":"Acme","job_title":"CTO","country":"TR","phone":"+90 212 555 0000","industry":"Retail","no_of_employees":"1,001-5,000"}
                """
            )
        );

        Assert.Equal(
            ("a@acme.com.tr", "Ayşe", "Yılmaz", "Acme", "CTO"),
            (form.Email, form.FirstName, form.LastName, form.Company, form.JobTitle)
        );
        Assert.Equal(
            ("TR", "+90 212 555 0000", "Retail", "1,001-5,000"),
            (form.Country, form.Phone, form.Industry, form.CompanySize)
        );
        Assert.Null(form.ConsentEmail);
    }

    [Fact]
    public void ZoomWebinar_IdAndTopic_ZoomsWebinar()
    {
        Assert.Equal(
            new("zoom", "81234", "Launch"),
            WebinarPayloads.ZoomWebinar(Json("""{"id":81234,"topic":"Launch"}"""))
        );
    }

    [Fact]
    public void ZoomWebinar_ItsStartTime_OnTheWebinarAndItsEventsDetail()
    {
        var webinar = WebinarPayloads.ZoomWebinar(
            Json("""{"id":81234,"topic":"Launch","start_time":"2026-12-10T11:00:00Z","timezone":"Europe/Istanbul"}""")
        );

        Assert.Equal(new DateTimeOffset(2026, 12, 10, 11, 0, 0, TimeSpan.Zero), webinar.StartsAt);
        Assert.Equal("2026-12-10T11:00:00.0000000+00:00", webinar.Detail()["webinar.startsAt"]);
    }

    [Fact]
    public void ZoomWebinar_Ended_ItsEndAndTimeZone_AnUnknownZoneLeftOut()
    {
        // webinar.ended's payload.object as Zoom's Webinars events reference (and Rivet's WebinarEndedEvent) shows it.
        var ended = WebinarPayloads.ZoomWebinar(
            Json(
                """
                {"id":"81234","uuid":"Wn1+a==","host_id":"h1","topic":"Launch","type":5,"start_time":"2026-12-10T11:00:00Z","timezone":"Europe/Istanbul","duration":60,"end_time":"2026-12-10T12:05:00Z"}
                """
            )
        );
        var oddZone = WebinarPayloads.ZoomWebinar(Json("""{"id":"81234","timezone":"GMT+3 İstanbul"}"""));

        Assert.Equal(new DateTimeOffset(2026, 12, 10, 12, 5, 0, TimeSpan.Zero), ended.EndsAt);
        Assert.Equal("Europe/Istanbul", ended.TimeZone);
        Assert.Null(oddZone.TimeZone);
        Assert.Null(oddZone.Validate());
    }

    [Fact]
    public void GenericWebinar_EndAndTimeZone_AsSent()
    {
        var webinar = WebinarPayloads.GenericWebinar(
            Json("""{"webinarId":"w","endsAt":"2026-12-10T12:00:00+03:00","timeZone":"Europe/Istanbul"}""")
        );

        Assert.Equal(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), webinar.EndsAt);
        Assert.Equal("Europe/Istanbul", webinar.TimeZone);
    }

    [Fact]
    public void GenericWebinar_StartsAtWithoutAnOffset_IsUtc_AndNotADate_IsNone()
    {
        Assert.Equal(
            new DateTimeOffset(2026, 12, 10, 11, 0, 0, TimeSpan.Zero),
            WebinarPayloads.GenericWebinar(Json("""{"webinarId":"w","startsAt":"2026-12-10T11:00:00"}""")).StartsAt
        );
        Assert.Null(WebinarPayloads.GenericWebinar(Json("""{"webinarId":"w","startsAt":"yarın"}""")).StartsAt);
        Assert.False(
            WebinarPayloads.GenericWebinar(Json("""{"webinarId":"w"}""")).Detail().ContainsKey("webinar.startsAt")
        );
    }

    [Fact]
    public void GenericRegistrant_TheFormsFieldNames_OnlyThoseItCarries()
    {
        var form = WebinarPayloads.GenericRegistrant(
            Json("""{"email":"a@acme.com.tr","firstName":"Ayşe","consentEmail":true,"phone":"+90 212 555 0000"}""")
        );

        Assert.Equal(("a@acme.com.tr", "Ayşe", "true"), (form.Email, form.FirstName, form.ConsentEmail));
        Assert.Null(form.Phone);
    }

    [Theory]
    [InlineData("""{"platform":"livestorm","webinarId":"w1"}""", "livestorm")]
    [InlineData("""{"platform":"Live Storm","webinarId":"w1"}""", "webinar")]
    [InlineData("""{"webinarId":"w1"}""", "webinar")]
    public void GenericWebinar_PlatformName_OnlyAPlainOne(string json, string platform) =>
        Assert.Equal(platform, WebinarPayloads.GenericWebinar(Json(json)).Platform);
}
