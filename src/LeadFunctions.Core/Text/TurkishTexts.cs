namespace LeadFunctions.Core.Text;

/// <summary>The Turkish column of <see cref="Texts"/>.</summary>
internal static class TurkishTexts
{
    public static readonly IReadOnlyDictionary<TextId, string> Table = new Dictionary<TextId, string>
    {
        [TextId.DashboardTitle] = "Aday akışı",
        [TextId.DashboardReadAt] = "Okunma zamanı",
        [TextId.DashboardFunnel] = "Kaynağa göre huni",
        [TextId.DashboardFunnelNote] = "Her aşamaya ulaşan adaylar, {0} ayından bugüne.",
        [TextId.DashboardSource] = "Kaynak",
        [TextId.DashboardTotal] = "Tüm kaynaklar",
        [TextId.DashboardScores] = "Puan dağılımı",
        [TextId.DashboardTemperatures] = "Sıcaklık",
        [TextId.DashboardSampleAll] = "Tüm {0} aday.",
        [TextId.DashboardSamplePart] =
            "{0} adaylık bir örnek (kimlik sırasında ilkler; "
            + "kimlikler özet değeri olduğundan yaş ve puandan bağımsız).",
        [TextId.DashboardRecentMqls] = "Son MQL'ler",
        [TextId.DashboardMqlsAll] = "MQL aşamasındaki {0} adayın en yenileri.",
        [TextId.DashboardMqlsPart] = "Okunan ilk {0} MQL adayının en yenileri; daha fazlası var.",
        [TextId.DashboardName] = "Ad",
        [TextId.DashboardCompany] = "Şirket",
        [TextId.DashboardScore] = "Puan",
        [TextId.DashboardLastChange] = "Son değişiklik (UTC)",
        [TextId.DashboardCampaigns] = "Kampanyalar",
        [TextId.DashboardCampaign] = "Kampanya",
        [TextId.DashboardActive] = "etkin",
        [TextId.DashboardInactive] = "durdurulmuş",
        [TextId.DashboardSpamBrake] =
            "spam freni durdurdu: son bir günde {1} teslimattan {0} tanesi spam olarak bildirildi; nedeni bulununca "
            + "yeniden başlatın",
        [TextId.DashboardWork] = "Geciken veya başarısız işler",
        [TextId.DashboardAllClear] = "Geciken veya başarısız iş yok.",
        [TextId.DashboardStorageDown] = "Depolama okunamadı:",
        [TextId.DashboardQueue] = "Kuyruk",
        [TextId.DashboardWaiting] = "Bekleyen",
        [TextId.DashboardPoison] = "Zehirli",
        [TextId.DashboardOldestWait] = "En eski bekleme",
        [TextId.DashboardOverdue] = "gecikmiş",
        [TextId.DashboardUncertainSends] = "Sonucu belirsiz gönderimler",
        [TextId.DashboardFailedSends] = "SendGrid'in reddettiği gönderimler (nedeni kişinin zaman çizelgesinde)",
        [TextId.DashboardNone] = "Henüz yok.",

        [TextId.StageSubscriber] = "Abone",
        [TextId.StageLead] = "Aday",
        [TextId.StageMql] = "MQL",
        [TextId.StageSql] = "SQL",
        [TextId.StageOpportunity] = "Fırsat",
        [TextId.StageCustomer] = "Müşteri",
        [TextId.StageDisqualified] = "Elenen",

        [TextId.TemperatureCold] = "Soğuk",
        [TextId.TemperatureWarm] = "Ilık",
        [TextId.TemperatureHot] = "Sıcak",

        [TextId.MetricEnrolled] = "Kayıtlı",
        [TextId.MetricSent] = "Gönderilen",
        [TextId.MetricDelivered] = "Teslim",
        [TextId.MetricOpened] = "Açılan",
        [TextId.MetricClicked] = "Tıklanan",
        [TextId.MetricBounced] = "Geri dönen",
        [TextId.MetricUnsubscribed] = "Abonelikten çıkan",
        [TextId.MetricSpamReports] = "Spam bildirimi",
        [TextId.MetricConverted] = "Dönüşen",
        [TextId.MetricUncertain] = "Belirsiz",
        [TextId.MetricFailed] = "Başarısız",
        [TextId.MetricMissed] = "Kaçırılan",

        [TextId.ConfirmPageTitle] = "Aboneliğinizi onaylayın",
        [TextId.ConfirmPageAsk] = "E-postalarımızı almak istediğinizi onaylamak için düğmeye basın.",
        [TextId.ConfirmPageButton] = "Onaylıyorum",
        [TextId.ConfirmPageDoneTitle] = "Teşekkürler",
        [TextId.ConfirmPageDone] = "Aboneliğiniz onaylandı.",
        [TextId.ConfirmPageAlreadyDone] = "Aboneliğiniz zaten onaylanmıştı.",
        [TextId.ConfirmPageNothingTitle] = "Onaylanacak bir şey yok",
        [TextId.ConfirmPageNothing] = "Bu bağlantıyla onaylanacak bir abonelik yok.",

        [TextId.UnsubscribePageTitle] = "Abonelikten çık",
        [TextId.UnsubscribePageAsk] = "Bu adrese pazarlama e-postası göndermemizi istemiyorsanız düğmeye basın.",
        [TextId.UnsubscribePageButton] = "Abonelikten çık",
        [TextId.UnsubscribePageDoneTitle] = "Abonelikten çıktınız",
        [TextId.UnsubscribePageDone] = "Bu adrese artık pazarlama e-postası göndermeyeceğiz.",

        [TextId.LinkInvalidTitle] = "Bağlantı geçersiz",
        [TextId.LinkInvalid] =
            "Bu bağlantı eksik ya da değiştirilmiş. Lütfen e-postadaki bağlantının tamamını kullanın.",
        [TextId.LinkExpiredTitle] = "Bağlantının süresi doldu",
        [TextId.LinkExpired] =
            "Bu onay bağlantısının süresi doldu. Aboneliği yeniden başlatmak için formu tekrar doldurabilirsiniz.",

        [TextId.ConfirmationEmailSubject] = "E-posta aboneliğinizi onaylayın",
        [TextId.ConfirmationEmailGreeting] = "Merhaba,",
        [TextId.ConfirmationEmailGreetingByName] = "Merhaba {0},",
        [TextId.ConfirmationEmailAsk] = "E-posta listemize katılmak için lütfen onaylayın:",
        [TextId.ConfirmationEmailButton] = "Aboneliğimi onayla",
        [TextId.ConfirmationEmailIgnore] =
            "Siz istemediyseniz bu e-postayı dikkate almayın; size başka e-posta göndermeyeceğiz.",

        [TextId.EmailFooterUnsubscribe] =
            "Bu e-postaları almak istemiyorsanız aboneliğinizi buradan sonlandırabilirsiniz",

        [TextId.LanguageName] = "Türkçe",
        [TextId.WorkspaceSkip] = "Sayfaya geç",
        [TextId.WorkspaceMenu] = "Çalışma alanı",
        [TextId.WorkspaceLanguage] = "Dil",
        [TextId.WorkspaceChange] = "Değiştir",
        [TextId.WorkspaceSignIn] = "Giriş yap",
        [TextId.WorkspaceSignOut] = "Çıkış yap",
        [TextId.WorkspaceKey] = "Erişim anahtarı",
        [TextId.WorkspaceKeyHelp] =
            "Fonksiyon anahtarı pazarlama ve satış olarak, ana anahtar yönetici olarak giriş yapar.",
        [TextId.WorkspaceKeyWrong] = "Bu anahtar geçerli değil. Kontrol edip yeniden deneyin.",
        [TextId.WorkspaceSignInMicrosoft] = "Microsoft ile giriş yap",
        [TextId.WorkspaceNoRole] =
            "Hesabınızın çalışma alanı rolü (pazarlama, satış veya yönetici) yok. Bir yöneticiden rol isteyin.",
        [TextId.WorkspaceCampaigns] = "Kampanyalar",
        [TextId.WorkspaceLeads] = "Adaylar",
        [TextId.WorkspaceImports] = "İçe aktarmalar",
        [TextId.WorkspaceDashboard] = "Pano",
        [TextId.WorkspaceFormExpired] =
            "Bu formun süresi doldu ya da bu çalışma alanından gelmedi. Hiçbir şey değişmedi; lütfen yeniden deneyin.",
        [TextId.WorkspaceForbidden] = "Rolünüz buna izin vermiyor.",
        [TextId.WorkspaceNotFound] = "Bu adreste bir şey yok.",
        [TextId.CampaignsActive] = "Etkin",
        [TextId.CampaignsPaused] = "Duraklatıldı",
        [TextId.CampaignsArchived] = "Arşivlendi",
        [TextId.CampaignsName] = "Kampanya",
        [TextId.CampaignsOpenRate] = "Açılma oranı",
        [TextId.CampaignsClickRate] = "Tıklanma oranı",
        [TextId.CampaignsNone] = "Yok.",
        [TextId.CampaignsNew] = "Yeni kampanya",
        [TextId.CampaignsSpamBrake] = "spam freni duraklattı",
    };
}
