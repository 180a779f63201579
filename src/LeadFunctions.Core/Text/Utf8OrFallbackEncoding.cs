using System.Text;

namespace LeadFunctions.Core.Text;

/// <summary>
/// Reads text sent with no charset: UTF-8 while the bytes are UTF-8, and <paramref name="fallback"/> from the
/// first byte that is not when everything before it was plain ASCII (the same in both). Excel's plain "CSV"
/// on Turkish Windows is Windows-1254 and its "CSV UTF-8" is UTF-8, and nothing in the request says which.
/// Once a multi-byte UTF-8 character has been read the text is UTF-8, and a later bad byte stays damaged
/// (U+FFFD) as in any UTF-8 text: such a file is genuinely mixed, and guessing would store wrong letters.
/// For decoding only: a request is read with it, nothing is written; one per file, so that it can tell which it read.
/// </summary>
public sealed class Utf8OrFallbackEncoding(Encoding fallback) : Encoding
{
    /// <summary>Bytes of one UTF-8 character, at most, that a decoder holds until the next read completes it.</summary>
    internal const int MaxHeldBytes = 3;

    private Utf8OrFallbackDecoder? last;

    /// <summary>What its last decoder reads on as (UTF-8 or the fallback), or null while it has read only ASCII: the
    /// encoding a file was detected as, for showing it before it is imported.</summary>
    public Encoding? Chosen => last?.Chosen;

    public override Decoder GetDecoder() => last = new Utf8OrFallbackDecoder(fallback);

    public override int GetCharCount(byte[] bytes, int index, int count) =>
        GetDecoder().GetCharCount(bytes, index, count, flush: true);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        GetDecoder().GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

    public override int GetMaxCharCount(int byteCount) =>
        Math.Max(UTF8.GetMaxCharCount(byteCount + MaxHeldBytes), fallback.GetMaxCharCount(byteCount + MaxHeldBytes));

    public override int GetByteCount(char[] chars, int index, int count) => throw DecodingOnly();

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        throw DecodingOnly();

    public override int GetMaxByteCount(int charCount) => throw DecodingOnly();

    private static NotSupportedException DecodingOnly() => new("This encoding only decodes: write UTF-8.");
}
