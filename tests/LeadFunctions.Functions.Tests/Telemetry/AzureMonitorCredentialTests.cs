using Azure.Identity;
using LeadFunctions.Functions.Telemetry;

namespace LeadFunctions.Functions.Tests.Telemetry;

public sealed class AzureMonitorCredentialTests
{
    [Theory]
    [InlineData("ClientId=0f3c6a52-1111-4c2b-9d3e-5a6b7c8d9e0f;Authorization=AAD")]
    [InlineData("Authorization=aad")]
    public void From_AadAuthenticationString_ManagedIdentity(string authentication) =>
        Assert.IsType<ManagedIdentityCredential>(AzureMonitorCredential.From(authentication));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=0f3c6a52-1111-4c2b-9d3e-5a6b7c8d9e0f")]
    public void From_NoAadAuthorization_NoCredential(string? authentication) =>
        Assert.Null(AzureMonitorCredential.From(authentication));
}
