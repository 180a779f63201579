namespace LeadFunctions.Core.Queues;

/// <summary>Queue names shared with the Azure Functions host (docs/reference.md); each has a "-poison" twin.</summary>
public static class QueueNames
{
    public const string LeadIntake = "lead-intake";

    /// <summary>Batches of imported CSV rows.</summary>
    public const string LeadImport = "lead-import";
    public const string LeadEvents = "lead-events";
    public const string NurtureSend = "nurture-send";
    public const string SalesHandoff = "sales-handoff";

    /// <summary>Parts of a rescoring pass.</summary>
    public const string LeadRescore = "lead-rescore";

    /// <summary>Double opt-in confirmation emails to send.</summary>
    public const string ConsentConfirmation = "consent-confirmation";

    /// <summary>Batches of consent decisions from a CSV.</summary>
    public const string ConsentImport = "consent-import";

    /// <summary>Verified SendGrid Event Webhook posts, split into messages.</summary>
    public const string SendGridEvents = "sendgrid-events";

    /// <summary>Enrollments by hand, by ids or a page of a filter each.</summary>
    public const string CampaignEnrollment = "campaign-enrollment";

    /// <summary>A resumed campaign's held sends to release, a page per message (one of our own queues, like those
    /// above).</summary>
    public const string CampaignResume = "campaign-resume";

    /// <summary>Webinars that ended, a page of each one's registrations per message, to find the no-shows.</summary>
    public const string WebinarEndings = "webinar-endings";

    /// <summary>Microsoft Graph's notifications about Teams webinars, and the Graph reads they and the Teams timer
    /// ask for.</summary>
    public const string TeamsNotifications = "teams-notifications";

    /// <summary>WebJobs' QueueListener: "{queueName}-poison", never for a queue that is itself a poison
    /// queue.</summary>
    public const string PoisonSuffix = "-poison";

    public static readonly IReadOnlyList<string> All =
    [
        LeadIntake,
        LeadImport,
        LeadEvents,
        NurtureSend,
        SalesHandoff,
        LeadRescore,
        ConsentConfirmation,
        ConsentImport,
        SendGridEvents,
        CampaignEnrollment,
        CampaignResume,
        WebinarEndings,
        TeamsNotifications,
    ];

    public static string Poison(string queueName) => queueName + PoisonSuffix;
}
