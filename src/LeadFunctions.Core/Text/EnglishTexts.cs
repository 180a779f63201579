namespace LeadFunctions.Core.Text;

/// <summary>The English column of <see cref="Texts"/>.</summary>
internal static class EnglishTexts
{
    public static readonly IReadOnlyDictionary<TextId, string> Table = new Dictionary<TextId, string>
    {
        [TextId.DashboardTitle] = "Lead pipeline",
        [TextId.DashboardReadAt] = "Read at",
        [TextId.DashboardFunnel] = "Funnel by source",
        [TextId.DashboardFunnelNote] = "Leads that reached each stage, months {0} to now.",
        [TextId.DashboardSource] = "Source",
        [TextId.DashboardTotal] = "All sources",
        [TextId.DashboardScores] = "Score distribution",
        [TextId.DashboardTemperatures] = "Temperature",
        [TextId.DashboardSampleAll] = "All {0} leads.",
        [TextId.DashboardSamplePart] =
            "A sample of {0} leads (the first in id order; ids are hashes, so unrelated to age or score).",
        [TextId.DashboardRecentMqls] = "Recent MQLs",
        [TextId.DashboardMqlsAll] = "The newest of all {0} MQL-stage leads.",
        [TextId.DashboardMqlsPart] = "The newest of the first {0} MQL-stage leads read; there are more.",
        [TextId.DashboardName] = "Name",
        [TextId.DashboardCompany] = "Company",
        [TextId.DashboardScore] = "Score",
        [TextId.DashboardLastChange] = "Last change (UTC)",
        [TextId.DashboardCampaigns] = "Campaigns",
        [TextId.DashboardCampaign] = "Campaign",
        [TextId.DashboardActive] = "active",
        [TextId.DashboardInactive] = "inactive",
        [TextId.DashboardSpamBrake] =
            "paused by the spam brake: {0} spam reports of {1} deliveries in the last day; resume it once the cause is "
            + "found",
        [TextId.DashboardWork] = "Overdue or failing work",
        [TextId.DashboardAllClear] = "Nothing is overdue or failing.",
        [TextId.DashboardStorageDown] = "Storage could not be read:",
        [TextId.DashboardQueue] = "Queue",
        [TextId.DashboardWaiting] = "Waiting",
        [TextId.DashboardPoison] = "Poison",
        [TextId.DashboardOldestWait] = "Oldest waits",
        [TextId.DashboardOverdue] = "overdue",
        [TextId.DashboardUncertainSends] = "Sends with an unknown outcome",
        [TextId.DashboardFailedSends] = "Sends SendGrid refused (see the lead's timeline for the reason)",
        [TextId.DashboardNone] = "None yet.",

        [TextId.StageSubscriber] = "Subscriber",
        [TextId.StageLead] = "Lead",
        [TextId.StageMql] = "MQL",
        [TextId.StageSql] = "SQL",
        [TextId.StageOpportunity] = "Opportunity",
        [TextId.StageCustomer] = "Customer",
        [TextId.StageDisqualified] = "Disqualified",

        [TextId.TemperatureCold] = "Cold",
        [TextId.TemperatureWarm] = "Warm",
        [TextId.TemperatureHot] = "Hot",

        [TextId.MetricEnrolled] = "Enrolled",
        [TextId.MetricSent] = "Sent",
        [TextId.MetricDelivered] = "Delivered",
        [TextId.MetricOpened] = "Opened",
        [TextId.MetricClicked] = "Clicked",
        [TextId.MetricBounced] = "Bounced",
        [TextId.MetricUnsubscribed] = "Unsubscribed",
        [TextId.MetricSpamReports] = "Spam reports",
        [TextId.MetricConverted] = "Converted",
        [TextId.MetricUncertain] = "Uncertain",
        [TextId.MetricFailed] = "Failed",
        [TextId.MetricMissed] = "Missed",

        [TextId.ConfirmPageTitle] = "Confirm your subscription",
        [TextId.ConfirmPageAsk] = "Press the button to confirm that you want to receive our emails.",
        [TextId.ConfirmPageButton] = "I confirm",
        [TextId.ConfirmPageDoneTitle] = "Thank you",
        [TextId.ConfirmPageDone] = "Your subscription is confirmed.",
        [TextId.ConfirmPageAlreadyDone] = "Your subscription was already confirmed.",
        [TextId.ConfirmPageNothingTitle] = "Nothing to confirm",
        [TextId.ConfirmPageNothing] = "There is no subscription to confirm with this link.",

        [TextId.UnsubscribePageTitle] = "Unsubscribe",
        [TextId.UnsubscribePageAsk] = "Press the button and we will send no more marketing email to this address.",
        [TextId.UnsubscribePageButton] = "Unsubscribe",
        [TextId.UnsubscribePageDoneTitle] = "You are unsubscribed",
        [TextId.UnsubscribePageDone] = "We will send no more marketing email to this address.",

        [TextId.LinkInvalidTitle] = "This link is not valid",
        [TextId.LinkInvalid] = "This link is incomplete or has been changed. Please use the whole link from the email.",
        [TextId.LinkExpiredTitle] = "This link has expired",
        [TextId.LinkExpired] = "This confirmation link has expired. To subscribe, fill in the form again.",

        [TextId.ConfirmationEmailSubject] = "Please confirm your subscription",
        [TextId.ConfirmationEmailGreeting] = "Hello,",
        [TextId.ConfirmationEmailGreetingByName] = "Hello {0},",
        [TextId.ConfirmationEmailAsk] = "Please confirm that you want to receive our emails:",
        [TextId.ConfirmationEmailButton] = "Confirm my subscription",
        [TextId.ConfirmationEmailIgnore] = "If this was not you, ignore this email; we will not email you again.",

        [TextId.EmailFooterUnsubscribe] = "To stop receiving these emails, unsubscribe here",
    };
}
