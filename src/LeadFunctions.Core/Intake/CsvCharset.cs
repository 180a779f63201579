using System.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>Encodings by the names requests and settings give them, Windows code pages included.</summary>
public static class CsvCharset
{
    // .NET itself knows only the Unicode encodings, ASCII and Latin-1; Windows-1254 and ISO-8859-9 come from this
    // provider.
    static CsvCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding a name means (windows-1254, iso-8859-9, latin5, utf-16 …), or null when there is none by
    /// it.</summary>
    public static Encoding? Find(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"'));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null; // NotSupportedException: UTF-7, which .NET refuses as unsafe
        }
    }
}
