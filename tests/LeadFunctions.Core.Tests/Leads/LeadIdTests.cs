using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Leads;

public class LeadIdTests
{
    [Fact]
    public void FromEmail_SameAddress_SameId()
    {
        Assert.Equal(LeadId.FromEmail("a@example.com"), LeadId.FromEmail("a@example.com"));
        Assert.NotEqual(LeadId.FromEmail("a@example.com"), LeadId.FromEmail("b@example.com"));
    }

    [Fact]
    public void FromEmail_IsWellFormedLowercaseHex()
    {
        var id = LeadId.FromEmail("ayse@example.com");
        Assert.Equal(LeadId.Length, id.Length);
        Assert.True(LeadId.IsWellFormed(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("' or PartitionKey ne '0123456789ab")]
    public void IsWellFormed_AnythingElse_IsFalse(string? id)
    {
        Assert.False(LeadId.IsWellFormed(id));
    }
}
