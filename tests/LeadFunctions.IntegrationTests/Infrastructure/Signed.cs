using LeadFunctions.Testing.Webinars;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>Signed webhook requests (<see cref="ZoomRequests"/>, <see cref="GenericWebinarRequests"/>) with the secrets
/// the test hosts are given.</summary>
internal static class Signed
{
    public const string ZoomSecret = "zoom-test-secret-token";
    public const string GenericSecret = "generic-test-secret";

    public static HttpRequestMessage Zoom(string json, string secret = ZoomSecret, DateTimeOffset? at = null) =>
        ZoomRequests.Sign(json, secret, at);

    public static HttpRequestMessage Generic(string json, string secret = GenericSecret) =>
        GenericWebinarRequests.Sign(json, secret);

    public static string Hex(string secret, string message) => ZoomRequests.Hex(secret, message);
}
