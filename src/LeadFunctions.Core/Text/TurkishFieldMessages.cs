namespace LeadFunctions.Core.Text;

/// <summary>
/// The validators' messages in Turkish, each keyed by its English text as the validator writes it (as gettext keys a
/// translation by its source text), "{0}", "{1}" … standing for the values the validator puts in, in that order.
/// </summary>
internal static class TurkishFieldMessages
{
    public static readonly IReadOnlyList<(string English, string Turkish)> Table =
    [
        // Any field.
        ("Required.", "Gerekli."),
        ("Required. {0}", "Gerekli. {0}"),
        ("Must be at most {0} characters.", "En çok {0} karakter olmalı."),
        (
            "Contains characters that are not allowed (control characters, '<', '>' or broken UTF-8).",
            "İzin verilmeyen karakterler içeriyor (denetim karakterleri, '<', '>' ya da bozuk UTF-8)."
        ),
        ("Must be one line.", "Tek satır olmalı."),
        ("Not a valid email address.", "Geçerli bir e-posta adresi değil."),
        ("Must be an absolute http(s) URL.", "Tam bir http(s) adresi olmalı."),
        // A campaign.
        ("1 to 64 letters, digits, '-' or '_'.", "1 ile 64 arası harf, rakam, '-' ya da '_'."),
        ("1 to 50 lowercase letters, digits, '-' or '_'.", "1 ile 50 arası küçük harf, rakam, '-' ya da '_'."),
        ("From 0 to {0}.", "0 ile {0} arasında olmalı."),
        ("One of {0}.", "Şunlardan biri olmalı: {0}."),
        (
            "An ISO 8601 duration in days, hours, minutes or seconds, negative for before: -P1D, -PT1H, PT30M.",
            "Gün, saat, dakika ya da saniye olarak bir ISO 8601 süresi, öncesi için eksi: -P1D, -PT1H, PT30M."
        ),
        (
            "An ISO 8601 duration in days, hours, minutes or seconds: PT0S, PT36H, P2D.",
            "Gün, saat, dakika ya da saniye olarak bir ISO 8601 süresi: PT0S, PT36H, P2D."
        ),
        ("From {0} to P{1}D.", "{0} ile P{1}D arasında olmalı."),
        ("'{0}' is not a stage; use {1}.", "'{0}' bir aşama değil; şunlardan birini kullanın: {1}."),
        (
            "'{0}' is not a temperature; use cold, warm, hot.",
            "'{0}' bir sıcaklık değil; cold, warm ya da hot kullanın."
        ),
        (
            "'{0}' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat, Sun.",
            "'{0}' bir gün değil; Mon, Tue, Wed, Thu, Fri, Sat ya da Sun kullanın."
        ),
        (
            "'{0}' is not a recipient type; use individual or merchant.",
            "'{0}' bir alıcı türü değil; individual ya da merchant kullanın."
        ),
        ("'{0}' is not an event type; use {1}.", "'{0}' bir olay türü değil; şunlardan birini kullanın: {1}."),
        ("'{0}' is not a source name: {1}", "'{0}' bir kaynak adı değil: {1}"),
        (
            "Must be later than from (a window does not cross midnight).",
            "Başlangıçtan sonra olmalı (bir gönderim aralığı gece yarısını geçmez)."
        ),
        ("More than PT0S: {0}.", "PT0S'den uzun olmalı: {0}."),
        (
            "how long after entering a person may enter again",
            "bir kişinin girdikten ne kadar sonra yeniden girebileceği"
        ),
        ("a wait of no time waits for nothing", "süresi olmayan bir bekleme hiçbir şeyi beklemez"),
        ("A time as HH:mm (00:00 to 23:59).", "SS:dd biçiminde bir saat (00:00 ile 23:59 arası)."),
        // A campaign's steps.
        ("From 1 to {0} steps.", "1 ile {0} arasında adım olmalı."),
        ("A step, not null.", "Bir adım olmalı, boş (null) değil."),
        ("'{0}' is already the id of an earlier step.", "'{0}' önceki bir adımın kimliği."),
        ("From 2 to {0} variants.", "2 ile {0} arasında varyant olmalı."),
        ("A variant, not null.", "Bir varyant olmalı, boş (null) değil."),
        ("'{0}' is already the id of an earlier variant.", "'{0}' önceki bir varyantın kimliği."),
        ("From 1 to {0} (1 when left out).", "1 ile {0} arasında olmalı (boş bırakılırsa 1)."),
        ("At least one variant switched on (active).", "En az bir varyant açık (active) olmalı."),
        (
            "'{0}' is not a translation: use {1} (the campaign's own texts are {2}).",
            "'{0}' bir çeviri değil: {1} kullanın (kampanyanın kendi metinleri {2})."
        ),
        ("A subject, html and text, not null.", "Konu, html ve metin olmalı, boş (null) değil."),
        (
            "A time of day (\"10:00\"), or a date it is relative to (relativeTo).",
            "Günün bir saati (\"10:00\") ya da göre alındığı bir tarih (relativeTo)."
        ),
        ("Days need a time of day.", "Günler için günün bir saati gerekir."),
        ("The Liquid does not parse: {0}", "Liquid çözümlenemiyor: {0}"),
        ("'{0}' is not a placeholder; use one of {1}.", "'{0}' bir yer tutucu değil; şunlardan birini kullanın: {1}."),
        // A journey's steps.
        (
            "At least one of events, stages, minScore, opened or clicked.",
            "events, stages, minScore, opened ya da clicked alanlarından en az biri gerekir."
        ),
        (
            "'{0}' is not one of the events the wait waits for (waitFor.events).",
            "'{0}' beklemenin beklediği olaylardan (waitFor.events) biri değil."
        ),
        ("Where '{0}' goes: a step id, or '{1}'.", "'{0}' nereye gider: bir adım kimliği ya da '{1}'."),
        (
            "At least one of stages, minScore, temperatures, countries, industries, recipientTypes, languages, opened "
                + "or clicked.",
            "stages, minScore, temperatures, countries, industries, recipientTypes, languages, opened ya da clicked "
                + "alanlarından en az biri gerekir."
        ),
        ("Not a field of {0}.", "{0} için bir alan değil."),
        ("'{0}' ends a journey: name the step otherwise.", "'{0}' bir yolculuğu bitirir: adıma başka bir ad verin."),
        ("'{0}' is not a step of the campaign (nor '{1}').", "'{0}' kampanyanın bir adımı değil (ne de '{1}')."),
        ("'{0}' is not an email step of the campaign.", "'{0}' kampanyanın bir e-posta adımı değil."),
        ("No step leads here: nobody would ever reach it.", "Hiçbir adım buraya götürmüyor: buraya kimse ulaşamaz."),
        (
            "A loop with no delay ('{0}'): give one of its emails a delay or put a wait in it.",
            "Gecikmesiz bir döngü ('{0}'): e-postalarından birine gecikme verin ya da içine bir bekleme koyun."
        ),
        ("'{0}': from 1 to {1} characters.", "'{0}': 1 ile {1} karakter arasında olmalı."),
        ("'{0}' is not a language; use {1}.", "'{0}' bir dil değil; {1} kullanın."),
        // A lead (a form, an imported row).
        ("Not a phone number.", "Bir telefon numarası değil."),
        (
            "Use a number of employees, or a range such as 50-199 or 1000+.",
            "Bir çalışan sayısı ya da 50-199 veya 1000+ gibi bir aralık kullanın."
        ),
        ("Use true/false (or 'on' from a checkbox).", "true/false kullanın (ya da bir onay kutusundan 'on')."),
        (
            "Use individual or merchant (İYS BIREYSEL or TACIR).",
            "individual ya da merchant kullanın (İYS'de BIREYSEL ya da TACIR)."
        ),
        ("Use one of: {0}.", "Şunlardan birini kullanın: {0}."),
        ("Not a valid email address (the referrer's).", "Geçerli bir e-posta adresi değil (yönlendirenin)."),
        ("A person cannot refer themselves.", "Bir kişi kendini yönlendiremez."),
        // An İYS consent row.
        (
            "Use ONAY or RET (granted/withdrawn, evet/hayır, yes/no).",
            "ONAY ya da RET kullanın (granted/withdrawn, evet/hayır, yes/no)."
        ),
        (
            "Use ISO 8601 (2025-03-01T14:30:00+03:00), yyyy-MM-dd HH:mm:ss, dd.MM.yyyy HH:mm or a date alone (Turkish "
                + "time when no offset is given; a date alone is the start of that day).",
            "ISO 8601 (2025-03-01T14:30:00+03:00), yyyy-MM-dd HH:mm:ss, dd.MM.yyyy HH:mm ya da yalnız bir tarih "
                + "kullanın (fark verilmezse Türkiye saati; yalnız bir tarih o günün başlangıcıdır)."
        ),
        ("Is in the future.", "Gelecekte."),
        ("Not an İYS source: use one of {0}.", "Bir İYS kaynağı değil; şunlardan birini kullanın: {0}."),
        ("Use EPOSTA, MESAJ or ARAMA.", "EPOSTA, MESAJ ya da ARAMA kullanın."),
        ("Use BIREYSEL or TACIR.", "BIREYSEL ya da TACIR kullanın."),
        // A CSV file.
        (
            "The file is over {0} MB before its first {1} rows end: split it.",
            "Dosya ilk {1} satırı bitmeden {0} MB'ı geçiyor: dosyayı bölün."
        ),
        ("The CSV could not be read ({0}).", "CSV okunamadı ({0})."),
        (
            "The file is over {0} MB. The first {1} rows were queued (import {2}); split the file and import the rest "
                + "(importing rows again is safe).",
            "Dosya {0} MB'ı geçiyor. İlk {1} satır sıraya alındı (içe aktarma {2}); dosyayı bölüp kalanını içe "
                + "aktarın (satırları yeniden içe aktarmak güvenlidir)."
        ),
        (
            "The CSV could not be read ({0}). The first {1} rows were queued (import {2}).",
            "CSV okunamadı ({0}). İlk {1} satır sıraya alındı (içe aktarma {2})."
        ),
        (
            "Malformed CSV (an unbalanced quote?): lines {0} to {1} were read as one row and none of them was "
                + "imported.",
            "Bozuk CSV (kapanmamış bir tırnak?): {0} ile {1} arasındaki satırlar tek satır olarak okundu ve hiçbiri "
                + "içe aktarılmadı."
        ),
        ("Malformed CSV (an unbalanced quote?).", "Bozuk CSV (kapanmamış bir tırnak?)."),
        (
            "Column {0} is not in the file: its columns are 0 to {1}.",
            "{0}. sütun dosyada yok: sütunlar 0 ile {1} arası."
        ),
        (
            "Column {0} ({1}): no field {2} here; use one of {3}.",
            "{0}. sütun ({1}): burada {2} alanı yok; şunlardan birini kullanın: {3}."
        ),
        ("No {0} column ({1}) among: {2}.", "Şu sütunlar arasında {0} sütunu ({1}) yok: {2}."),
        // The scoring model.
        ("A rule, not null.", "Bir kural olmalı, boş (null) değil."),
        ("Needs 0 <= min <= max.", "0 <= min <= max olmalı."),
        ("'{0}' is not an ISO 3166 alpha-2 code (e.g. TR).", "'{0}' bir ISO 3166 alpha-2 kodu değil (örneğin TR)."),
        (
            "'{0}' is not an event type (lowercase letters, digits and '_').",
            "'{0}' bir olay türü değil (küçük harf, rakam ve '_')."
        ),
        ("Must be at least 1 when set.", "Verildiğinde en az 1 olmalı."),
        ("Must be more than 0 and at most 3650.", "0'dan büyük ve en çok 3650 olmalı."),
        ("Must not be negative.", "Eksi olmamalı."),
        ("Needs a >= b >= c.", "a >= b >= c olmalı."),
        ("Must be between 1 and 1000.", "1 ile 1000 arasında olmalı."),
        (
            "An object with warm, warmWithinDays, hot and hotWithinDays.",
            "warm, warmWithinDays, hot ve hotWithinDays alanlarını içeren bir nesne."
        ),
        ("Needs 0 <= warm < hot <= 1000.", "0 <= warm < hot <= 1000 olmalı."),
        ("Needs 1 <= hotWithinDays <= warmWithinDays <= 3650.", "1 <= hotWithinDays <= warmWithinDays <= 3650 olmalı."),
        (
            "Needs one or more keywords of 1 to 100 characters.",
            "1 ile 100 karakter arasında bir ya da daha çok anahtar sözcük gerekir."
        ),
        ("At most {0} rules.", "En çok {0} kural olmalı."),
        ("Points must be between -{0} and {1}.", "Puan -{0} ile {1} arasında olmalı."),
    ];
}
