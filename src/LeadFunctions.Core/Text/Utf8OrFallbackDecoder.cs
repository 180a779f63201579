using System.Buffers;
using System.Text;

namespace LeadFunctions.Core.Text;

/// <summary>The decoder of <see cref="Utf8OrFallbackEncoding"/>: ASCII until the first other byte decides which decoder
/// reads on.</summary>
internal sealed class Utf8OrFallbackDecoder(Encoding fallback) : Decoder
{
    private readonly Decoder utf8 = new UTF8Encoding(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: false
    ).GetDecoder();
    private readonly Decoder other = fallback.GetDecoder();
    private Decoder? chosen;

    // The start of a character split between two reads, held while it is not yet known whether it is UTF-8.
    private byte[] held = [];

    /// <summary>The encoding it reads on in, or null while it has read only ASCII.</summary>
    public Encoding? Chosen =>
        chosen is null ? null
        : chosen == utf8 ? Encoding.UTF8
        : fallback;

    public override int GetCharCount(byte[] bytes, int index, int count) =>
        GetCharCount(bytes, index, count, flush: false);

    public override int GetCharCount(byte[] bytes, int index, int count, bool flush) =>
        GetCharCount(bytes.AsSpan(index, count), flush);

    public override int GetCharCount(ReadOnlySpan<byte> bytes, bool flush)
    {
        if (chosen is not null)
        {
            return chosen.GetCharCount(bytes, flush);
        }

        var input = WithHeld(bytes);
        var ascii = AsciiLength(input);
        var rest = input[ascii..];
        return ascii + (Choose(rest, flush) is { } next ? next.GetCharCount(rest, flush) : 0);
    }

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: false);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush) =>
        GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush);

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush)
    {
        if (chosen is not null)
        {
            return chosen.GetChars(bytes, chars, flush);
        }

        var input = WithHeld(bytes);
        var ascii = AsciiLength(input);
        Encoding.ASCII.GetChars(input[..ascii], chars);
        var rest = input[ascii..];
        held = [];
        chosen = Choose(rest, flush);
        if (chosen is null)
        {
            held = rest.ToArray();
            return ascii;
        }

        return ascii + chosen.GetChars(rest, chars[ascii..], flush);
    }

    public override void Reset()
    {
        utf8.Reset();
        other.Reset();
        chosen = null;
        held = [];
    }

    private ReadOnlySpan<byte> WithHeld(ReadOnlySpan<byte> bytes)
    {
        if (held.Length == 0)
        {
            return bytes;
        }

        byte[] joined = [.. held, .. bytes];
        return joined;
    }

    private static int AsciiLength(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) is var i and >= 0 ? i : bytes.Length;

    /// <summary>
    /// The decoder for what follows the ASCII: UTF-8 when it starts with a whole UTF-8 character, the fallback when
    /// it starts with bytes UTF-8 never has; null when there is nothing yet or only the start of a character.
    /// </summary>
    private Decoder? Choose(ReadOnlySpan<byte> rest, bool flush)
    {
        if (rest.IsEmpty)
        {
            return null;
        }

        return Rune.DecodeFromUtf8(rest, out _, out _) switch
        {
            OperationStatus.Done => utf8,
            OperationStatus.NeedMoreData when !flush => null,
            _ => other,
        };
    }
}
