using LeadFunctions.Core.Intake;

namespace LeadFunctions.Core.Tests.Intake;

public class CsvColumnsTests
{
    [Theory]
    [InlineData("Company / Account", "company")] // Salesforce
    [InlineData("Lead Source", "source")]
    [InlineData("Title", "jobTitle")]
    [InlineData("Phone Number", "phone")] // HubSpot
    [InlineData("Company Name", "company")]
    [InlineData("Job Title", "jobTitle")]
    [InlineData("Email Address", "email")] // Mailchimp
    [InlineData("Alıcı Tipi", "recipientType")]
    [InlineData("Recipient Type", "recipientType")]
    [InlineData("DİL", "language")]
    [InlineData("E-POSTA İZNİ", "consentEmail")]
    public void Leads_ExportHeaders_MapToFields(string header, string field) =>
        Assert.Equal(field, CsvColumns.Leads.FieldFor(header));

    [Fact]
    public void FieldFor_UnknownHeader_Null() => Assert.Null(CsvColumns.Leads.FieldFor("Lifecycle Stage"));

    [Theory]
    [InlineData("Trade Show", "trade-show")]
    [InlineData("Web", "web")]
    [InlineData("Fuar (İstanbul) 2026", "fuar-istanbul-2026")]
    [InlineData("partner_referral", "partner_referral")]
    [InlineData("  ", null)]
    [InlineData("!!!", null)]
    [InlineData("A very long label that nobody would use as a source name at all", null)]
    public void SourceNames_FromLabel_FoldedOrNull(string label, string? name) =>
        Assert.Equal(name, SourceNames.FromLabel(label));
}
