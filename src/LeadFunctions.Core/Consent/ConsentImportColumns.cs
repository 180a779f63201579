using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Consent;

/// <summary>The columns of a consent CSV: İYS's download (ALICI, DURUM, …), a call centre's list, in English or
/// Turkish.</summary>
public static class ConsentImportColumns
{
    public static readonly CsvHeaderMap Map = new(
        new Dictionary<string, string[]>
        {
            ["email"] =
            [
                "email",
                "e-mail",
                "email address",
                "e-posta",
                "eposta",
                "e-posta adresi",
                "alici",
                "recipient",
            ],
            ["status"] = ["status", "consent status", "durum", "izin durumu", "onay durumu"],
            ["date"] = ["date", "consent date", "tarih", "izin tarihi", "onay tarihi"],
            ["source"] = ["source", "consent source", "kaynak", "izin kaynagi"],
            ["type"] = ["type", "channel", "tip", "izin tipi", "izin turu", "kanal"],
            ["recipientType"] = ["recipient type", "alici tipi", "alici turu"],
        }
    );
}
