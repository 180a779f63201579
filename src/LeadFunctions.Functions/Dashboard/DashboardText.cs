using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Functions.Dashboard;

/// <summary>The dashboard's words in one language: Turkish for a browser that prefers it, English otherwise.</summary>
public sealed record DashboardText
{
    public required string Language { get; init; }
    public required string Title { get; init; }
    public required string ReadAt { get; init; }
    public required string Funnel { get; init; }
    public required string FunnelNote { get; init; }
    public required string Source { get; init; }
    public required string Total { get; init; }
    public required string Scores { get; init; }
    public required string Temperatures { get; init; }
    public required string SampleAll { get; init; }
    public required string SamplePart { get; init; }
    public required string RecentMqls { get; init; }
    public required string MqlsAll { get; init; }
    public required string MqlsPart { get; init; }
    public required string Name { get; init; }
    public required string Company { get; init; }
    public required string Score { get; init; }
    public required string LastChange { get; init; }
    public required string Campaigns { get; init; }
    public required string Campaign { get; init; }
    public required string Active { get; init; }
    public required string Inactive { get; init; }
    public required string Work { get; init; }
    public required string AllClear { get; init; }
    public required string StorageDown { get; init; }
    public required string Queue { get; init; }
    public required string Waiting { get; init; }
    public required string Poison { get; init; }
    public required string OldestWait { get; init; }
    public required string Overdue { get; init; }
    public required string UncertainSends { get; init; }

    public required string FailedSends { get; init; }
    public required string None { get; init; }
    public required IReadOnlyDictionary<LifecycleStage, string> Stages { get; init; }
    public required IReadOnlyDictionary<Temperature, string> TemperatureNames { get; init; }
    public required IReadOnlyDictionary<CampaignMetric, string> Metrics { get; init; }

    public static readonly DashboardText English = new()
    {
        Language = "en",
        Title = "Lead pipeline",
        ReadAt = "Read at",
        Funnel = "Funnel by source",
        FunnelNote = "Leads that reached each stage, months {0} to now.",
        Source = "Source",
        Total = "All sources",
        Scores = "Score distribution",
        Temperatures = "Temperature",
        SampleAll = "All {0} leads.",
        SamplePart = "A sample of {0} leads (the first in id order; ids are hashes, so unrelated to age or score).",
        RecentMqls = "Recent MQLs",
        MqlsAll = "The newest of all {0} MQL-stage leads.",
        MqlsPart = "The newest of the first {0} MQL-stage leads read; there are more.",
        Name = "Name",
        Company = "Company",
        Score = "Score",
        LastChange = "Last change (UTC)",
        Campaigns = "Campaigns",
        Campaign = "Campaign",
        Active = "active",
        Inactive = "inactive",
        Work = "Overdue or failing work",
        AllClear = "Nothing is overdue or failing.",
        StorageDown = "Storage could not be read:",
        Queue = "Queue",
        Waiting = "Waiting",
        Poison = "Poison",
        OldestWait = "Oldest waits",
        Overdue = "overdue",
        UncertainSends = "Sends with an unknown outcome",
        FailedSends = "Sends SendGrid refused (see the lead's timeline for the reason)",
        None = "None yet.",
        Stages = Names("Subscriber", "Lead", "MQL", "SQL", "Opportunity", "Customer", "Disqualified"),
        TemperatureNames = new Dictionary<Temperature, string> { [Temperature.Cold] = "Cold", [Temperature.Warm] = "Warm", [Temperature.Hot] = "Hot" },
        Metrics = Metric("Enrolled", "Sent", "Delivered", "Opened", "Clicked", "Bounced", "Unsubscribed", "Spam reports", "Converted", "Uncertain", "Failed"),
    };

    public static readonly DashboardText Turkish = new()
    {
        Language = "tr",
        Title = "Aday akışı",
        ReadAt = "Okunma zamanı",
        Funnel = "Kaynağa göre huni",
        FunnelNote = "Her aşamaya ulaşan adaylar, {0} ayından bugüne.",
        Source = "Kaynak",
        Total = "Tüm kaynaklar",
        Scores = "Puan dağılımı",
        Temperatures = "Sıcaklık",
        SampleAll = "Tüm {0} aday.",
        SamplePart = "{0} adaylık bir örnek (kimlik sırasında ilkler; kimlikler özet değeri olduğundan yaş ve puandan bağımsız).",
        RecentMqls = "Son MQL'ler",
        MqlsAll = "MQL aşamasındaki {0} adayın en yenileri.",
        MqlsPart = "Okunan ilk {0} MQL adayının en yenileri; daha fazlası var.",
        Name = "Ad",
        Company = "Şirket",
        Score = "Puan",
        LastChange = "Son değişiklik (UTC)",
        Campaigns = "Kampanyalar",
        Campaign = "Kampanya",
        Active = "etkin",
        Inactive = "durdurulmuş",
        Work = "Geciken veya başarısız işler",
        AllClear = "Geciken veya başarısız iş yok.",
        StorageDown = "Depolama okunamadı:",
        Queue = "Kuyruk",
        Waiting = "Bekleyen",
        Poison = "Zehirli",
        OldestWait = "En eski bekleme",
        Overdue = "gecikmiş",
        UncertainSends = "Sonucu belirsiz gönderimler",
        FailedSends = "SendGrid'in reddettiği gönderimler (nedeni kişinin zaman çizelgesinde)",
        None = "Henüz yok.",
        Stages = Names("Abone", "Aday", "MQL", "SQL", "Fırsat", "Müşteri", "Elenen"),
        TemperatureNames = new Dictionary<Temperature, string> { [Temperature.Cold] = "Soğuk", [Temperature.Warm] = "Ilık", [Temperature.Hot] = "Sıcak" },
        Metrics = Metric("Kayıtlı", "Gönderilen", "Teslim", "Açılan", "Tıklanan", "Geri dönen", "Abonelikten çıkan", "Spam bildirimi", "Dönüşen", "Belirsiz", "Başarısız"),
    };

    /// <summary>Turkish when the browser's most preferred of Turkish and English is Turkish (Accept-Language, by weight).</summary>
    public static DashboardText For(IEnumerable<(string Language, double Quality)> accepted) =>
        accepted.Select((a, order) => (Primary: a.Language.Split('-')[0].ToLowerInvariant(), a.Quality, Order: order))
            .Where(a => a.Quality > 0 && a.Primary is Languages.Turkish or Languages.English)
            .OrderByDescending(a => a.Quality).ThenBy(a => a.Order)
            .FirstOrDefault().Primary == Languages.Turkish ? Turkish : English;

    private static Dictionary<LifecycleStage, string> Names(params string[] names) =>
        Enum.GetValues<LifecycleStage>().Zip(names).ToDictionary(p => p.First, p => p.Second);

    private static Dictionary<CampaignMetric, string> Metric(params string[] names) =>
        Enum.GetValues<CampaignMetric>().Zip(names).ToDictionary(p => p.First, p => p.Second);
}
