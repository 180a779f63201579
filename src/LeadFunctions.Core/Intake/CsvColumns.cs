using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// The lead fields of a CSV list, from the header names trade-fair lists, purchased lists and CRM exports
/// (Salesforce, HubSpot, Mailchimp) use, in English and Turkish.
/// </summary>
public static class CsvColumns
{
    public static readonly CsvHeaderMap Leads = new(
        new Dictionary<string, string[]>
        {
            [LeadFormFields.Email] =
            [
                "email",
                "e-mail",
                "e mail",
                "email address",
                "e-posta",
                "eposta",
                "e-posta adresi",
                "mail",
            ],
            [LeadFormFields.FirstName] = ["first name", "firstname", "given name", "ad", "adi", "isim"],
            [LeadFormFields.LastName] = ["last name", "lastname", "surname", "family name", "soyad", "soyadi"],
            [LeadFormFields.Company] =
            [
                "company",
                "company name",
                "company / account",
                "organization",
                "organisation",
                "account name",
                "sirket",
                "firma",
                "kurum",
                "sirket adi",
                "firma adi",
            ],
            [LeadFormFields.Phone] =
            [
                "phone",
                "phone number",
                "mobile",
                "telephone",
                "telefon",
                "tel",
                "cep",
                "cep telefonu",
                "gsm",
            ],
            [LeadFormFields.JobTitle] = ["job title", "title", "position", "unvan", "gorev", "pozisyon"],
            [LeadFormFields.Country] = ["country", "ulke"],
            [LeadFormFields.Industry] = ["industry", "sector", "sektor"],
            [LeadFormFields.CompanySize] = ["company size", "employees", "number of employees", "calisan sayisi"],
            [LeadFormFields.ConsentEmail] =
            [
                "consent",
                "email consent",
                "email opt-in",
                "opt-in",
                "izin",
                "onay",
                "e-posta izni",
                "eposta izni",
                "iletisim izni",
            ],
            [LeadFormFields.Source] = ["lead source", "kaynak"],
            [LeadFormFields.RecipientType] = ["recipient type", "alici tipi"],
            [LeadFormFields.Language] = ["language", "dil"],
            [LeadFormFields.ReferredBy] =
            [
                "referred by",
                "referredby",
                "referrer",
                "referrer email",
                "referans",
                "tavsiye eden",
                "oneren",
            ],
        }
    );
}
