using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Tests.Security;

/// <summary>GoTo Webinar's signature: base64 HMAC-SHA256(secret key, "{timestamp}:{body}"), signed here
/// independently of the code under test.</summary>
public class GoToSignatureTests
{
    private const string Secret = "f1679e36-17fe-48fa-93da-44195fd9e293";
    private const string Body = """{"eventName":"registrant.added","firstName":"Ayşe","email":"a@acme.com.tr"}""";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static byte[] Mac(string secret, string timestamp, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}:{body}"));

    private static string Millis(DateTimeOffset at) =>
        at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static bool IsValid(string? secret, string? timestamp, string body, string? signature) =>
        WebhookSignatures.IsValidGoTo(secret, timestamp, Encoding.UTF8.GetBytes(body), signature, Now);

    [Fact]
    public void Signed_InBase64OrHex_WithMillisecondsOrSeconds_IsValid()
    {
        var millis = Millis(Now.AddSeconds(-30));
        var seconds = Now.AddSeconds(-30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        Assert.True(IsValid(Secret, millis, Body, Convert.ToBase64String(Mac(Secret, millis, Body))));
        Assert.True(IsValid(Secret, millis, Body, Convert.ToHexStringLower(Mac(Secret, millis, Body))));
        Assert.True(IsValid(Secret, seconds, Body, Convert.ToBase64String(Mac(Secret, seconds, Body))));
    }

    [Fact]
    public void ForgedTamperedOrUnset_IsRefused()
    {
        var at = Millis(Now);
        var signature = Convert.ToBase64String(Mac(Secret, at, Body));

        Assert.False(IsValid(Secret, at, Body, Convert.ToBase64String(Mac("not-the-key", at, Body))));
        Assert.False(IsValid(Secret, at, Body.Replace("Ayşe", "Mallory", StringComparison.Ordinal), signature));
        Assert.False(IsValid(Secret, Millis(Now.AddSeconds(1)), Body, signature)); // the time is signed too
        Assert.False(IsValid(null, at, Body, signature));
        Assert.False(IsValid(string.Empty, at, Body, signature));
        Assert.False(IsValid(Secret, at, Body, signature[..^4]));
        Assert.False(IsValid(Secret, at, Body, "not base64 or hex"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("-1795683600000")]
    [InlineData("99999999999999999999")]
    public void MissingOrUnreadableTimestamp_IsRefused(string? timestamp)
    {
        var signature = Convert.ToBase64String(Mac(Secret, timestamp ?? string.Empty, Body));

        Assert.False(IsValid(Secret, timestamp, Body, signature));
        Assert.False(IsValid(Secret, Millis(Now), Body, null));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void MoreThanFiveMinutesFromNow_IsRefused(int minutes)
    {
        var at = Millis(Now.AddMinutes(minutes));

        Assert.False(IsValid(Secret, at, Body, Convert.ToBase64String(Mac(Secret, at, Body))));
    }
}
