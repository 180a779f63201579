using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Tests.Intake;

public class LeadFormValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static ValidationResult<LeadSubmission> Validate(LeadForm form) =>
        LeadFormValidator.Validate(form, "s1", Now);

    [Fact]
    public void Validate_CompleteTurkishForm_KeepsEveryField()
    {
        var result = Validate(
            new LeadForm
            {
                Email = " Sule.Caglar@Example.com ",
                FirstName = "Şule",
                LastName = "Çağlar",
                Company = "İlkay Işık A.Ş.",
                Phone = "+90 532 123 45 67",
                ConsentEmail = "on",
                UtmSource = "linkedin",
                PageUrl = "https://example.com/demo?x=1",
            }
        );

        var submission = Assert.IsType<LeadSubmission>(result.Value);
        Assert.Equal("sule.caglar@example.com", submission.Email);
        Assert.Equal("Şule", submission.FirstName);
        Assert.Equal("İlkay Işık A.Ş.", submission.Company);
        Assert.True(submission.ConsentEmail);
        Assert.Equal("web", submission.Source);
        Assert.Equal("linkedin", submission.SourceDetail["utm_source"]);
        Assert.Equal("https://example.com/demo?x=1", submission.SourceDetail["pageUrl"]);
        Assert.Equal(Now, submission.ReceivedAt);
    }

    [Theory]
    [InlineData("250", 250)]
    [InlineData("50-199", 50)]
    [InlineData("1000+", 1000)]
    [InlineData("1,001-5,000", 1001)]
    [InlineData("More than 10,000", 10001)] // one of Zoom's own choices
    public void Validate_CompanySize_AsPlatformsWriteIt(string text, int employees)
    {
        var submission = Assert.IsType<LeadSubmission>(
            Validate(new LeadForm { Email = "a@example.com", CompanySize = text }).Value
        );
        Assert.Equal(employees, submission.CompanySize);
    }

    [Fact]
    public void Validate_MissingEmail_IsAFieldError()
    {
        var result = Validate(new LeadForm { FirstName = "Ayşe" });
        Assert.False(result.IsValid);
        Assert.Equal(["Required."], result.Errors["email"]);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Ayşe\u0007")]
    [InlineData("Ay\ud800se")]
    [InlineData("Ay\ufffdse")]
    public void Validate_DangerousOrBrokenText_IsRefused(string firstName)
    {
        var result = Validate(new LeadForm { Email = "a@example.com", FirstName = firstName });
        Assert.False(result.IsValid);
        Assert.Contains("firstName", result.Errors.Keys);
    }

    [Theory]
    [InlineData("phone", "call me")]
    [InlineData("source", "Web Site!")]
    [InlineData("pageUrl", "javascript:alert(1)")]
    [InlineData("consentEmail", "maybe")]
    public void Validate_MalformedField_NamesTheField(string field, string value)
    {
        var form = field switch
        {
            "phone" => new LeadForm { Email = "a@example.com", Phone = value },
            "source" => new LeadForm { Email = "a@example.com", Source = value },
            "pageUrl" => new LeadForm { Email = "a@example.com", PageUrl = value },
            _ => new LeadForm { Email = "a@example.com", ConsentEmail = value },
        };

        var result = Validate(form);
        Assert.False(result.IsValid);
        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public void Validate_TooLongField_IsRefused()
    {
        var result = Validate(new LeadForm { Email = "a@example.com", Company = new string('x', 201) });
        Assert.Contains("company", result.Errors.Keys);
    }
}
