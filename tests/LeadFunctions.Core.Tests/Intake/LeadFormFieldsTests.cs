using LeadFunctions.Core.Intake;

namespace LeadFunctions.Core.Tests.Intake;

public class LeadFormFieldsTests
{
    [Fact]
    public void ToForm_ApiFieldNames_EachReachesItsProperty()
    {
        var form = LeadFormFields.ToForm(
            new Dictionary<string, string?>
            {
                ["email"] = "a@acme.com",
                ["firstName"] = "Ayşe",
                ["utm_campaign"] = "spring",
                ["consentEmail"] = "on",
                ["recipientType"] = "merchant",
            }
        );

        Assert.Equal("a@acme.com", form.Email);
        Assert.Equal("Ayşe", form.FirstName);
        Assert.Equal("spring", form.UtmCampaign);
        Assert.Equal("on", form.ConsentEmail);
        Assert.Equal("merchant", form.RecipientType);
        Assert.Null(form.LastName);
    }

    [Fact]
    public void CsvColumns_TurkishConsentHeader_IsTheFormsConsentField()
    {
        Assert.Equal("consentEmail", CsvColumns.Leads.FieldFor("izin"));
    }
}
