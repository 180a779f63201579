using System.Globalization;
using System.Text;

namespace LeadFunctions.Core.Text;

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
