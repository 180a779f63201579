using System.Text;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// How a CSV upload's bytes become text, for the import and its preview alike: a byte order mark says what they are;
/// else the encoding chosen (the request's charset, the person's pick); else UTF-8 while the bytes are UTF-8, and
/// <paramref name="fallback"/> from the first byte that is not (<see cref="Utf8OrFallbackEncoding"/>): Excel's plain
/// "CSV" on Turkish Windows is Windows-1254, and nothing in the upload says so.
/// </summary>
public sealed class CsvDecoding(Encoding fallback)
{
    internal StreamReader Open(Stream body, Encoding? chosen) =>
        new(body, chosen ?? new Utf8OrFallbackEncoding(fallback), detectEncodingFromByteOrderMarks: true);

    /// <summary>What a reader from <see cref="Open"/> reads the file as, once it has read some of it.</summary>
    internal static ReadEncoding Used(StreamReader text, Encoding? chosen) =>
        text.CurrentEncoding switch
        {
            Utf8OrFallbackEncoding { Chosen: { } detected } => new(detected.WebName, EncodingSource.Detected),
            Utf8OrFallbackEncoding => new(Encoding.UTF8.WebName, EncodingSource.AsciiSoFar),
            var used when used == chosen => new(used.WebName, EncodingSource.Chosen),
            var used => new(used.WebName, EncodingSource.ByteOrderMark),
        };
}

/// <summary>The encoding a file is read as (its web name: utf-8, windows-1254, utf-16 …) and what decided
/// it.</summary>
public sealed record ReadEncoding(string Name, EncodingSource Source);

public enum EncodingSource
{
    /// <summary>The request's charset, or the person's pick.</summary>
    Chosen,

    /// <summary>The file starts with a byte order mark.</summary>
    ByteOrderMark,

    /// <summary>From the first byte that is not ASCII: UTF-8 when it starts a UTF-8 character, else the fallback.
    /// </summary>
    Detected,

    /// <summary>Nothing but ASCII read so far, which UTF-8 and the fallback read alike; the first other byte
    /// decides.</summary>
    AsciiSoFar,
}
