using System.Collections.Frozen;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// Which lead field a CSV column holds, from the header names trade-fair lists, purchased lists and
/// CRM exports use, in English and Turkish; compared folded ("E-posta", "EPOSTA", "e posta" alike).
/// </summary>
public static class CsvColumns
{
    private static readonly FrozenDictionary<string, string> Fields = new Dictionary<string, string[]>
    {
        ["email"] = ["email", "e-mail", "e mail", "email address", "e-posta", "eposta", "e-posta adresi", "mail"],
        ["firstName"] = ["first name", "firstname", "given name", "ad", "adi", "isim"],
        ["lastName"] = ["last name", "lastname", "surname", "family name", "soyad", "soyadi"],
        ["company"] = ["company", "company name", "organization", "organisation", "account name", "sirket", "firma", "kurum", "sirket adi", "firma adi"],
        ["phone"] = ["phone", "phone number", "mobile", "telephone", "telefon", "tel", "cep", "cep telefonu", "gsm"],
        ["jobTitle"] = ["job title", "title", "position", "unvan", "gorev", "pozisyon"],
        ["country"] = ["country", "ulke"],
        ["industry"] = ["industry", "sector", "sektor"],
        ["companySize"] = ["company size", "employees", "number of employees", "calisan sayisi"],
        ["consentEmail"] = ["consent", "email consent", "email opt-in", "opt-in", "izin", "onay", "e-posta izni", "eposta izni", "iletisim izni"],
    }
    .SelectMany(field => field.Value.Select(header => KeyValuePair.Create(Key(header), field.Key)))
    .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The lead field for a header, or null for a column we do not import.</summary>
    public static string? FieldFor(string header) => Fields.GetValueOrDefault(Key(header));

    private static string Key(string header) =>
        string.Concat(TextFolding.Fold(header.Trim()).Where(c => char.IsLetterOrDigit(c)));
}
