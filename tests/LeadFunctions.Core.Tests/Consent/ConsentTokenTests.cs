using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Consent;

public class ConsentTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConsentTokens Tokens = new("a-secret-of-at-least-thirty-two-characters");
    private static readonly string Ada = LeadId.FromEmail("ada@example.com");
    private static readonly string Bora = LeadId.FromEmail("bora@example.com");

    [Fact]
    public void Read_IssuedToken_NamesItsLeadAndRecord()
    {
        var text = Tokens.Issue(new ConsentToken(TokenPurpose.Confirm, Ada, "submission-1", Now.AddDays(7)));
        Assert.Equal(TokenCheck.Valid, Tokens.Read(text, TokenPurpose.Confirm, Now, out var token));
        Assert.Equal(new ConsentToken(TokenPurpose.Confirm, Ada, "submission-1", Now.AddDays(7)), token);
    }

    [Fact]
    public void Read_UnsubscribeToken_NeverExpires()
    {
        var text = Tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null));
        Assert.Equal(TokenCheck.Valid, Tokens.Read(text, TokenPurpose.Unsubscribe, Now.AddYears(5), out _));
    }

    [Fact]
    public void Read_PastItsTime_IsExpired()
    {
        var text = Tokens.Issue(new ConsentToken(TokenPurpose.Confirm, Ada, "s", Now));
        Assert.Equal(TokenCheck.Expired, Tokens.Read(text, TokenPurpose.Confirm, Now, out _));
    }

    [Fact]
    public void Read_ForAnotherPurpose_IsInvalid()
    {
        var text = Tokens.Issue(new ConsentToken(TokenPurpose.Confirm, Ada, "s", Now.AddDays(1)));
        Assert.Equal(TokenCheck.Invalid, Tokens.Read(text, TokenPurpose.Unsubscribe, Now, out var token));
        Assert.Null(token);
    }

    [Fact]
    public void Read_ClaimsMovedToAnotherLead_IsInvalid()
    {
        var ada = Tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null));
        var bora = Tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, Bora, null, null));
        var crossed = bora.Split('.')[0] + "." + ada.Split('.')[1];
        Assert.Equal(TokenCheck.Invalid, Tokens.Read(crossed, TokenPurpose.Unsubscribe, Now, out _));
    }

    [Fact]
    public void Read_SignedWithAnotherSecret_IsInvalid()
    {
        var forged = new ConsentTokens("another-secret-of-thirty-two-characters!").Issue(
            new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null)
        );
        Assert.Equal(TokenCheck.Invalid, Tokens.Read(forged, TokenPurpose.Unsubscribe, Now, out _));
    }

    [Fact]
    public void Read_SignedWithAPreviousSecret_IsValid()
    {
        var old = Tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null));
        var rotated = new ConsentTokens(
            "the-new-secret-of-at-least-32-characters",
            ["a-secret-of-at-least-thirty-two-characters"]
        );
        Assert.Equal(TokenCheck.Valid, rotated.Read(old, TokenPurpose.Unsubscribe, Now, out var token));
        Assert.Equal(Ada, token!.LeadId);
    }

    [Fact]
    public void Issue_AfterRotation_SignsWithTheCurrentSecret_AForgeryStillFails()
    {
        var rotated = new ConsentTokens(
            "the-new-secret-of-at-least-32-characters",
            ["a-secret-of-at-least-thirty-two-characters"]
        );
        var issued = rotated.Issue(new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null));
        Assert.Equal(
            TokenCheck.Valid,
            new ConsentTokens("the-new-secret-of-at-least-32-characters").Read(
                issued,
                TokenPurpose.Unsubscribe,
                Now,
                out _
            )
        );
        Assert.Equal(TokenCheck.Invalid, Tokens.Read(issued, TokenPurpose.Unsubscribe, Now, out _));

        var forged = new ConsentTokens("another-secret-of-thirty-two-characters!").Issue(
            new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null)
        );
        Assert.Equal(TokenCheck.Invalid, rotated.Read(forged, TokenPurpose.Unsubscribe, Now, out _));
    }

    [Fact]
    public void Read_UnsubscribeTokenOfASend_NamesTheSend()
    {
        var text = Tokens.Issue(
            new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null, "0123456789abcdef0123456789abcdef")
        );
        Assert.Equal(TokenCheck.Valid, Tokens.Read(text, TokenPurpose.Unsubscribe, Now, out var token));
        Assert.Equal(
            new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null, "0123456789abcdef0123456789abcdef"),
            token
        );
    }

    [Fact]
    public void Read_TokenDeliveredBeforeSendsWereNamed_StillValid()
    {
        // Issued by the format before tokens could name a send (ada@example.com, this class's secret): links in
        // delivered emails.
        const string Delivered =
            "dW5zdWJzY3JpYmUuYjVmYzg1ZTU1NzU1ZjllMGQwMzBhMTBhYjQ0MjliNmIuLg.TTiWCdObLXATD1GSMFw2bDQ9dY53Erme9YGxMrKY0ak";
        Assert.Equal(TokenCheck.Valid, Tokens.Read(Delivered, TokenPurpose.Unsubscribe, Now, out var token));
        Assert.Equal(new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null), token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Read_Malformed_IsInvalid(string? text) =>
        Assert.Equal(TokenCheck.Invalid, Tokens.Read(text, TokenPurpose.Unsubscribe, Now, out _));

    [Fact]
    public void Read_TruncatedOrAlteredByOneCharacter_IsInvalid()
    {
        var text = Tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, Ada, null, null));
        Assert.Equal(TokenCheck.Invalid, Tokens.Read(text[..^1], TokenPurpose.Unsubscribe, Now, out _));
        var altered = text[..5] + (text[5] == 'A' ? 'B' : 'A') + text[6..];
        Assert.Equal(TokenCheck.Invalid, Tokens.Read(altered, TokenPurpose.Unsubscribe, Now, out _));
    }

    [Fact]
    public void Links_UnsubscribeHeaders_AreRfc8058OneClick()
    {
        var links = new ConsentLinks(new Uri("https://leads.example.com/"), Tokens);
        var headers = links.UnsubscribeHeaders(Ada);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        Assert.StartsWith(
            "<https://leads.example.com/api/unsubscribe?t=",
            headers["List-Unsubscribe"],
            StringComparison.Ordinal
        );
        var token = Uri.UnescapeDataString(links.Unsubscribe(Ada).Query["?t=".Length..]);
        Assert.Equal(TokenCheck.Valid, Tokens.Read(token, TokenPurpose.Unsubscribe, Now, out var read));
        Assert.Equal(Ada, read!.LeadId);
    }

    [Fact]
    public void Links_UnsubscribeHeadersOfASend_TokenNamesTheSend()
    {
        var links = new ConsentLinks(new Uri("https://leads.example.com/"), Tokens);
        var header = links.UnsubscribeHeaders(Ada, "0123456789abcdef0123456789abcdef")["List-Unsubscribe"];
        var token = Uri.UnescapeDataString(new Uri(header.Trim('<', '>')).Query["?t=".Length..]);
        Assert.Equal(TokenCheck.Valid, Tokens.Read(token, TokenPurpose.Unsubscribe, Now, out var read));
        Assert.Equal("0123456789abcdef0123456789abcdef", read!.SendId);
    }
}
