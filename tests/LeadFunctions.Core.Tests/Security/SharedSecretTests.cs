using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Tests.Security;

public class SharedSecretTests
{
    [Fact]
    public void TheSameSecret_Matches_AnyOtherDoesNot()
    {
        const string secret = "ls-Xq7vN2pR9tK4mW8zB3cF6hJ1dG5sL0aY";

        Assert.True(SharedSecret.Matches(secret, secret));
        Assert.False(SharedSecret.Matches(secret, secret[..^1]));
        Assert.False(SharedSecret.Matches(secret, secret + "x"));
        Assert.False(SharedSecret.Matches(secret, secret.ToUpperInvariant()));
        Assert.False(SharedSecret.Matches(secret, string.Empty));
        Assert.False(SharedSecret.Matches(secret, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Unset_NothingMatches(string? expected)
    {
        Assert.False(SharedSecret.Matches(expected, string.Empty));
        Assert.False(SharedSecret.Matches(expected, null));
        Assert.False(SharedSecret.Matches(expected, "anything"));
    }
}
