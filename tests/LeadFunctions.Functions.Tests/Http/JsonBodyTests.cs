using System.Text;
using LeadFunctions.Functions.Http;

namespace LeadFunctions.Functions.Tests.Http;

public class JsonBodyTests
{
    private static (bool Parsed, string? Refusal) Parse(byte[] body, int maxDepth = 8)
    {
        var (document, refusal) = JsonBody.ParseObject(body, maxDepth);
        using (document)
        {
            return (document is not null, refusal);
        }
    }

    [Fact]
    public void ParseObject_Utf8Object_Parsed() =>
        Assert.Equal((true, null), Parse("{\"firstName\":\"Ayşe\"}"u8.ToArray()));

    [Fact]
    public void ParseObject_WithAByteOrderMark_Parsed() =>
        Assert.Equal((true, null), Parse([0xEF, 0xBB, 0xBF, .. "{\"email\":\"a@acme.com\"}"u8]));

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })] // {"a":"\xC3("}
    [InlineData(new byte[] { 0x7B, 0x7D, 0xFF })]
    public void ParseObject_BytesThatAreNotUtf8_RefusedSayingSo(byte[] body) =>
        Assert.Equal("The body is not valid UTF-8.", Parse(body).Refusal);

    [Fact]
    public void ParseObject_LoneSurrogateEscape_Refused() =>
        Assert.StartsWith(
            "The body is not valid UTF-8",
            Parse(Encoding.ASCII.GetBytes("{\"a\":{\"b\":\"Ay\\ud83d\"}}")).Refusal,
            StringComparison.Ordinal
        );

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":")]
    [InlineData("")]
    public void ParseObject_NotAJsonObject_Refused(string body) =>
        Assert.False(Parse(Encoding.UTF8.GetBytes(body)).Parsed);

    [Fact]
    public void ParseObject_DeeperThanAllowed_Refused() =>
        Assert.False(Parse("{\"a\":{\"b\":{\"c\":1}}}"u8.ToArray(), maxDepth: 2).Parsed);
}
