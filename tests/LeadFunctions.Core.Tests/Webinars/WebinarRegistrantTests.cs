using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Webinars;

namespace LeadFunctions.Core.Tests.Webinars;

public class WebinarRegistrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly Webinar Launch = new("zoom", "812-345", "Ürün Lansmanı 2026");

    [Fact]
    public void Validate_Registrant_WebinarLeadWithTheWebinarRecorded()
    {
        var submission = WebinarRegistrant
            .Validate(Launch, new LeadForm { Email = "Ayse@Acme.com.tr", Source = "web" }, Now)
            .Value;

        Assert.NotNull(submission);
        Assert.Equal("webinar", submission.Source);
        Assert.Equal(ConsentSource.Webinar, submission.ConsentSource);
        Assert.Equal("812-345", submission.SourceDetail["webinarId"]);
        Assert.Equal("zoom-" + Launch.RegistrationId("Ayse@Acme.com.tr"), submission.SubmissionId);
    }

    [Fact]
    public void Validate_AnOddFieldBesideAValidEmail_FieldDroppedPersonKept()
    {
        var submission = WebinarRegistrant
            .Validate(
                Launch,
                new LeadForm
                {
                    Email = "ayse@acme.com.tr",
                    Phone = "n/a",
                    CompanySize = "many",
                    FirstName = "Ayşe",
                },
                Now
            )
            .Value;

        Assert.NotNull(submission);
        Assert.Null(submission.Phone);
        Assert.Null(submission.CompanySize);
        Assert.Equal("Ayşe", submission.FirstName);
    }

    [Fact]
    public void Validate_NoEmail_Refused()
    {
        var validation = WebinarRegistrant.Validate(Launch, new LeadForm { FirstName = "Ayşe" }, Now);

        Assert.Null(validation.Value);
        Assert.Contains(LeadFormFields.Email, validation.Errors.Keys);
    }

    [Theory]
    [InlineData(null, "Launch", "webinarId")]
    [InlineData("has space", "Launch", "webinarId")]
    [InlineData("812", "<script>", "webinarTitle")]
    [InlineData("812", "two\nlines", "webinarTitle")]
    public void Validate_WebinarIdOrTitleNotValid_RefusedNamingIt(string? id, string title, string field)
    {
        var validation = WebinarRegistrant.Validate(
            new Webinar("zoom", id, title),
            new LeadForm { Email = "ayse@acme.com.tr" },
            Now
        );

        Assert.Null(validation.Value);
        Assert.Equal([field], validation.Errors.Keys);
    }

    [Fact]
    public void RegistrationId_SameDeliveryAnyCase_SameId_OtherThanAttendance()
    {
        Assert.Equal(Launch.RegistrationId(" Ayse@Acme.com.tr"), Launch.RegistrationId("ayse@acme.com.tr"));
        Assert.NotEqual(Launch.RegistrationId("ayse@acme.com.tr"), Launch.AttendanceId("ayse@acme.com.tr"));
        Assert.NotEqual(
            Launch.RegistrationId("ayse@acme.com.tr"),
            (Launch with { Id = "999" }).RegistrationId("ayse@acme.com.tr")
        );
    }
}
