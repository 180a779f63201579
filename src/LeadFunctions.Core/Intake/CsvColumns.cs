using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// The lead fields of a CSV list, from the header names trade-fair lists, purchased lists and CRM exports
/// (Salesforce, HubSpot, Mailchimp) use, in English and Turkish.
/// </summary>
public static class CsvColumns
{
    public static readonly CsvHeaderMap Leads = new(new Dictionary<string, string[]>
    {
        ["email"] = ["email", "e-mail", "e mail", "email address", "e-posta", "eposta", "e-posta adresi", "mail"],
        ["firstName"] = ["first name", "firstname", "given name", "ad", "adi", "isim"],
        ["lastName"] = ["last name", "lastname", "surname", "family name", "soyad", "soyadi"],
        ["company"] = ["company", "company name", "company / account", "organization", "organisation", "account name", "sirket", "firma", "kurum", "sirket adi", "firma adi"],
        ["phone"] = ["phone", "phone number", "mobile", "telephone", "telefon", "tel", "cep", "cep telefonu", "gsm"],
        ["jobTitle"] = ["job title", "title", "position", "unvan", "gorev", "pozisyon"],
        ["country"] = ["country", "ulke"],
        ["industry"] = ["industry", "sector", "sektor"],
        ["companySize"] = ["company size", "employees", "number of employees", "calisan sayisi"],
        ["consentEmail"] = ["consent", "email consent", "email opt-in", "opt-in", "izin", "onay", "e-posta izni", "eposta izni", "iletisim izni"],
        ["source"] = ["lead source", "kaynak"],
        ["recipientType"] = ["recipient type", "alici tipi"],
        ["language"] = ["language", "dil"],
    });
}
