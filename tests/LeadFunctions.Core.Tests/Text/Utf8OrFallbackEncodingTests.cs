using System.Text;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Tests.Text;

public class Utf8OrFallbackEncodingTests
{
    private const string Turkish = "E-posta;Ad\r\nayse@acme.com.tr;Ayşe Işık Öztürk Çağrı Ğ İ ü\r\n";
    private static readonly Encoding Windows1254;
    private static readonly Utf8OrFallbackEncoding Encoding1254;

    static Utf8OrFallbackEncodingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1254 = Encoding.GetEncoding(1254);
        Encoding1254 = new Utf8OrFallbackEncoding(Windows1254);
    }

    [Fact]
    public void GetString_Utf8_ReadAsUtf8() =>
        Assert.Equal(Turkish + "😀", Encoding1254.GetString(Encoding.UTF8.GetBytes(Turkish + "😀")));

    [Fact]
    public void GetString_Windows1254AfterAscii_ReadInTheFallback() =>
        Assert.Equal(Turkish, Encoding1254.GetString(Windows1254.GetBytes(Turkish)));

    [Fact]
    public void GetString_BadByteAfterUtf8_StaysDamaged()
    {
        byte[] mixed = [.. Encoding.UTF8.GetBytes("Şule;"), .. Windows1254.GetBytes("Ayşe")];
        Assert.Equal("Şule;Ay\uFFFDe", Encoding1254.GetString(mixed));
    }

    [Fact]
    public void GetString_AsciiEndingInTheStartOfACharacter_ReadInTheFallback() =>
        Assert.Equal("abc\u00C5", Encoding1254.GetString([.. "abc"u8, 0xC5]));

    [Theory]
    [InlineData("utf-8")]
    [InlineData("windows-1254")]
    public void Decoder_SplitAtEveryByte_ReadsTheSameText(string sent)
    {
        var text = Turkish + (sent == "utf-8" ? "😀 €" : "€");
        var bytes = (sent == "utf-8" ? Encoding.UTF8 : Windows1254).GetBytes(text);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var decoder = Encoding1254.GetDecoder();
            var chars = new char[Encoding1254.GetMaxCharCount(bytes.Length)];
            var first = bytes.AsSpan(0, split);
            var counted = decoder.GetCharCount(first, flush: false);
            var written = decoder.GetChars(first, chars, flush: false);
            Assert.Equal(counted, written);
            written += decoder.GetChars(bytes.AsSpan(split), chars.AsSpan(written), flush: true);
            Assert.Equal(text, new string(chars, 0, written));
        }
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-8")]
    public void StreamReader_ByteOrderMark_WinsOverTheGuess(string marked)
    {
        var encoding = Encoding.GetEncoding(marked);
        using var reader = new StreamReader(
            new MemoryStream([.. encoding.GetPreamble(), .. encoding.GetBytes(Turkish)]),
            Encoding1254,
            detectEncodingFromByteOrderMarks: true
        );
        Assert.Equal(Turkish, reader.ReadToEnd());
    }

    [Fact]
    public void StreamReader_Windows1254PastItsFirstBuffer_ReadInTheFallback()
    {
        var text = new string('a', 5000) + Turkish;
        using var reader = new StreamReader(
            new MemoryStream(Windows1254.GetBytes(text)),
            Encoding1254,
            detectEncodingFromByteOrderMarks: true,
            bufferSize: 128
        );
        Assert.Equal(text, reader.ReadToEnd());
    }
}
