using System.Globalization;
using System.Text.Json;
using LeadFunctions.Adapters.Webinars;

namespace LeadFunctions.Adapters.Tests.Webinars;

/// <summary>ON24's JSON as its reference shows it (apidoc.on24.com, Event Level Analytics: the examples of
/// "Metadata and Usage", "Registrants" and "Attendees" in ON24's published openapi.json), with Turkish names.</summary>
public class On24PayloadsTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    [Fact]
    public void Event_TitleLiveStartEndTimeZoneAndAudienceUrl()
    {
        using var json = JsonDocument.Parse(
            """
            {"eventid":10432146,"eventname":"event Abstract","clientid":22950,"description":"Ürün Lansmanı 2026",
             "displaytimezonecd":"America/Los_Angeles","livestart":"2016-10-18T04:20:00-07:00",
             "liveend":"2016-10-18T05:20:00-07:00",
             "audienceurl":"https://event.on24.com/wcc/r/10432146/9AB4ABD834D841E9E5ED9124D266848B"}
            """
        );

        var on24Event = On24Payloads.Event("10432146", json.RootElement);

        var webinar = on24Event.Webinar;
        Assert.Equal(("on24", "10432146", "Ürün Lansmanı 2026"), (webinar.Platform, webinar.Id, webinar.Title));
        Assert.Equal(At("2016-10-18T11:20:00Z"), webinar.StartsAt);
        Assert.Equal(At("2016-10-18T12:20:00Z"), webinar.EndsAt);
        Assert.Equal("America/Los_Angeles", webinar.TimeZone);
        Assert.Equal("https://event.on24.com/wcc/r/10432146/9AB4ABD834D841E9E5ED9124D266848B", on24Event.AudienceUrl);
    }

    [Fact]
    public void Event_ATitleWithMarkupAZoneNobodyKnowsAPlainHttpUrl_LeftOutNotRefused()
    {
        using var json = JsonDocument.Parse(
            """
            {"description":"<b>Launch</b>","displaytimezonecd":"Mars/Olympus","audienceurl":"http://event.on24.com/x"}
            """
        );

        var on24Event = On24Payloads.Event("5", json.RootElement);

        Assert.Null(on24Event.Webinar.Title);
        Assert.Null(on24Event.Webinar.TimeZone);
        Assert.Null(on24Event.AudienceUrl);
        Assert.Null(on24Event.Webinar.Validate());
    }

    [Fact]
    public void Registrant_FormFieldsConsentAndWhenTheyRegistered()
    {
        using var json = JsonDocument.Parse(
            """
            {"eventuserid":49177588,"firstname":"Işık","lastname":"Çelik","email":"isik.celik@acme.com.tr",
             "company":"Acme A.Ş.","jobtitle":"Pazarlama Müdürü","country":"Turkey","workphone":"0532 765 43 21",
             "companyindustry":"Software","companysize":"1 - 49","marketingemail":"Y","eventemail":"Y",
             "createtimestamp":"2017-05-08T18:44:59-07:00","utmsource":"newsletter","utmmedium":"banner",
             "utmcampaign":"spring_sale_2022"}
            """
        );

        var registrant = On24Payloads.Registrant(json.RootElement);

        var form = registrant.Form;
        Assert.Equal(("Işık", "Çelik", "Acme A.Ş."), (form.FirstName, form.LastName, form.Company));
        Assert.Equal("isik.celik@acme.com.tr", form.Email);
        Assert.Equal(("Pazarlama Müdürü", "0532 765 43 21", "1 - 49"), (form.JobTitle, form.Phone, form.CompanySize));
        Assert.Equal("yes", form.ConsentEmail);
        Assert.Equal(("newsletter", "banner", "spring_sale_2022"), (form.UtmSource, form.UtmMedium, form.UtmCampaign));
        Assert.Equal(At("2017-05-09T01:44:59Z"), registrant.RegisteredAt);
    }

    [Fact]
    public void Registrant_MarketingEmailN_OrNoEmail_NoConsentAndNoEmail()
    {
        using var json = JsonDocument.Parse("""{"firstname":"Ayşe","marketingemail":"N"}""");

        var form = On24Payloads.Registrant(json.RootElement).Form;

        Assert.Null(form.ConsentEmail);
        Assert.Null(form.Email);
        Assert.Equal("Ayşe", form.FirstName);
    }

    [Fact]
    public void Attendee_LivePlusOnDemandMinutes_FirstLiveActivity()
    {
        using var json = JsonDocument.Parse(
            """
            {"email":"ayse.yilmaz@acme.com.tr","eventuserid":49502149,"liveminutes":40,"liveviewed":1,
             "firstliveactivity":"2015-05-19T11:01:42-07:00","lastliveactivity":"2015-05-19T11:41:42-07:00",
             "archiveminutes":120,"archiveviewed":2,"firstarchiveactivity":"2015-05-19T06:14:17-07:00",
             "cumulativeliveminutes":40,"cumulativearchiveminutes":120}
            """
        );

        var attendee = On24Payloads.Attendee(json.RootElement);

        Assert.Equal("ayse.yilmaz@acme.com.tr", attendee.Email);
        Assert.Equal(160, attendee.Minutes);
        Assert.Equal(At("2015-05-19T18:01:42Z"), attendee.FirstSeenAt);
    }

    [Fact]
    public void Attendee_OnDemandOnly_OrNoMinutes()
    {
        using var onDemand = JsonDocument.Parse(
            """{"email":"a@acme.com","archiveminutes":32,"firstarchiveactivity":"2015-05-20T06:14:17-07:00"}"""
        );
        using var none = JsonDocument.Parse("""{"email":"b@acme.com"}""");

        var viewer = On24Payloads.Attendee(onDemand.RootElement);

        Assert.Equal(32, viewer.Minutes);
        Assert.Equal(At("2015-05-20T13:14:17Z"), viewer.FirstSeenAt);
        Assert.Null(On24Payloads.Attendee(none.RootElement).Minutes);
    }
}
