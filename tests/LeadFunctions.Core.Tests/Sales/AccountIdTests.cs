using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Core.Tests;

public class AccountIdTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static Lead Lead(string email, string? company = null, string? companyDomain = null) =>
        new()
        {
            Id = LeadId.FromEmail(email),
            Email = email,
            Company = company,
            Enrichment = companyDomain is null
                ? null
                : new LeadEnrichment(companyDomain, false, false, companyDomain, null, null, null, null),
            Source = "web",
            CreatedAt = Now,
            UpdatedAt = Now,
            LastSubmittedAt = Now,
        };

    [Fact]
    public void For_Colleagues_OneAccount_NamedByTheCompanyNotThePerson()
    {
        var buyer = AccountId.For(Lead("buyer@acme.com", "Acme", "acme.com"));
        Assert.Equal(buyer, AccountId.For(Lead("cfo@acme.com", "ACME Inc.", "acme.com")));
        Assert.Equal(AccountId.For(Lead("a@gmail.com", " Acme ")), AccountId.For(Lead("b@gmail.com", "acme")));
        Assert.NotEqual(AccountId.For(Lead("a@gmail.com")), AccountId.For(Lead("b@gmail.com")));
        Assert.DoesNotContain(LeadId.FromEmail("buyer@acme.com"), buyer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme.com", "Acme", "account-886f20917f211bb670b806eebae2aac6")]
    [InlineData(null, " Acme ", "account-75ccbf912a8c4b14b9aa8cc660623d82")]
    public void For_KeepsTheIdsOfAccountsWrittenBefore(string? companyDomain, string company, string expected) =>
        Assert.Equal(expected, AccountId.For(Lead("buyer@acme.com", company, companyDomain)));
}
