using System.Net;
using LeadFunctions.Core.Consent;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Consent;

/// <summary>
/// <c>Consent:TokenSecret</c> rotated: the links already delivered were signed with what is now in
/// <c>Consent:PreviousTokenSecrets</c>, and must keep working.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TokenRotationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string NewSecret = "the-rotated-consent-token-secret-0123456789";
    private TestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestHost.StartAsync(
            azurite,
            settings:
            [
                $"--Consent:TokenSecret={NewSecret}",
                $"--Consent:PreviousTokenSecrets:0={TestHost.ConsentTokenSecret}",
            ]
        );

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Unsubscribe_LinkSignedBeforeTheRotation_Withdraws_AForgedOneStill400()
    {
        var id = await ConsentHttp.SubmitAsync(host, "rotated@example.com", source: "fair");
        await ConsentHttp.ConsentAsync(host, id, v => v.Records.Count > 0);
        var forged = new ConsentTokens("someone-else's-secret-of-32-characters!!").Issue(
            new ConsentToken(TokenPurpose.Unsubscribe, id, null, null)
        );

        using (var refused = await host.Client.PostAsync($"/api/unsubscribe?t={Uri.EscapeDataString(forged)}", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var delivered = await host.Client.PostAsync(ConsentHttp.UnsubscribeUrl(id), null))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        Assert.Equal("withdrawn", (await ConsentHttp.ConsentAsync(host, id)).State["email"]);
    }
}
