using System.Globalization;
using System.Text;

namespace LeadFunctions.Core.Text;

/// <summary>
/// The rules for text we store and show. Values are refused rather than cleaned, so what is kept is
/// exactly what arrived.
/// </summary>
public static class SafeText
{
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    /// <summary>Control characters (tab, newline, NUL, DEL, C1) split table filters, CSV rows and log lines.</summary>
    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    /// <summary>Text that is shown on screens: no control characters and no '&lt;' or '&gt;' that could start
    /// markup.</summary>
    public static bool IsPlain(string value) => !value.Any(c => char.IsControl(c) || c is '<' or '>');

    /// <summary>
    /// Plain text that also arrived whole: no U+FFFD (what a decoder leaves of bytes that were not UTF-8) and no
    /// lone surrogate (which no UTF-8 can carry, so it could not be stored or sent on).
    /// </summary>
    public static bool IsPlainAndWhole(string value) =>
        IsPlain(value) && !value.Contains('\uFFFD', StringComparison.Ordinal) && !HasLoneSurrogate(value);

    private static bool HasLoneSurrogate(string value)
    {
        try
        {
            _ = StrictUtf8.GetByteCount(value);
            return false;
        }
        catch (EncoderFallbackException)
        {
            return true;
        }
    }
}

/// <summary>
/// Folds text for matching, not for storage: "Genel Müdür", "GENEL MUDUR" and "genel müdür" all
/// become "genel mudur". Invariant casing, diacritics dropped, and Turkish dotless ı read as i, so the
/// outcome never depends on the machine's culture.
/// </summary>
public static class TextFolding
{
    public static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c == 'ı' ? 'i' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
