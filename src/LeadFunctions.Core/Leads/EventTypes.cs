namespace LeadFunctions.Core.Leads;

/// <summary>The engagement event types the scoring model knows by default (docs/reference.md, "POST
/// /api/events").</summary>
public static class EventTypes
{
    public const string PageView = "page_view";
    public const string ContentDownload = "content_download";
    public const string PricingPageView = "pricing_page_view";
    public const string DemoRequest = "demo_request";
    public const string WebinarRegistered = "webinar_registered";
    public const string WebinarAttended = "webinar_attended";

    /// <summary>A registrant who did not attend, once the webinar ended (a no-show).</summary>
    public const string WebinarMissed = "webinar_missed";
    public const string EmailOpen = "email_open";
    public const string EmailClick = "email_click";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        PageView,
        ContentDownload,
        PricingPageView,
        DemoRequest,
        WebinarRegistered,
        WebinarAttended,
        WebinarMissed,
        EmailOpen,
        EmailClick,
    };
}
