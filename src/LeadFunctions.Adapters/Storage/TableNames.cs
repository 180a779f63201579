namespace LeadFunctions.Adapters.Storage;

public static class TableNames
{
    /// <summary>One partition per lead: the lead's row and its timeline, written together in one transaction.</summary>
    public const string Leads = "Leads";

    /// <summary>Configuration edited at run time (the scoring model).</summary>
    public const string Settings = "Settings";

    /// <summary>Contacts, accounts and opportunities created by converting leads.</summary>
    public const string Crm = "Crm";

    /// <summary>Consent changes by the day they were recorded, for the İYS export (partition = yyyyMMdd,
    /// UTC).</summary>
    public const string ConsentChanges = "ConsentChanges";

    /// <summary>Addresses never emailed, one partition per SuppressionKey (a hash of the email).</summary>
    public const string Suppressions = "Suppressions";

    /// <summary>SendGrid's delivery events per send (processed, delivered, deferred, soft bounces): one partition per
    /// send.</summary>
    public const string MailEvents = "MailEvents";

    /// <summary>SendGrid events of a type we do not handle or that could not be read, kept (truncated) for a look, not
    /// retried.</summary>
    public const string SendGridUnhandled = "SendGridUnhandled";

    /// <summary>Campaign definitions (one partition; campaigns are few).</summary>
    public const string Campaigns = "Campaigns";

    /// <summary>The due index of nurture sends: a partition per minute (yyyyMMddHHmm, UTC), read by the nurture
    /// timer.</summary>
    public const string NurtureDue = "NurtureDue";

    /// <summary>Campaign counters: a partition per campaign, a row for its totals and one per step.</summary>
    public const string CampaignStats = "CampaignStats";

    /// <summary>Who referred whom: a partition per referrer (their lead id), a row per referred lead with its
    /// stage.</summary>
    public const string Referrals = "Referrals";

    /// <summary>Funnel counters: a partition per month (yyyyMM), a row per dimension and value, a counter per property;
    /// anonymous.</summary>
    public const string FunnelCounts = "FunnelCounts";

    /// <summary>The ON24 poll's watermarks: a partition per event id, a row per list read and one once its end was
    /// handed on; the "client" partition's "throttle" row holds when ON24 may be called again.</summary>
    public const string On24Poll = "On24Poll";

    /// <summary>Webinar registrations: a partition per webinar ({platform}|{webinar id}), a row per lead id, from the
    /// lead's webinar events.</summary>
    public const string WebinarRegistrations = "WebinarRegistrations";

    /// <summary>The Teams webinars followed through Microsoft Graph: one partition, a row per webinar with its
    /// subscription.</summary>
    public const string TeamsSubscriptions = "TeamsSubscriptions";

    /// <summary>Webinars as scheduled, for a platform that sends nothing at a webinar's end (GoTo Webinar): a partition
    /// per platform, a row per webinar id with its times and whether its end was handed on.</summary>
    public const string WebinarSchedules = "WebinarSchedules";

    /// <summary>The email index's log, for the search by an address's beginning: a partition per first character, a
    /// row per escaped normalized address with its lead id (LeadId), until the compaction folds it into
    /// LeadEmailBlocks.</summary>
    public const string LeadEmails = "LeadEmails";

    /// <summary>The email index proper: a partition per first character, a row per sorted run of at most 200
    /// addresses (JSON in Entries, Entries1 …), keyed by the run's greatest address (the partition's last run by
    /// U+FFFF).</summary>
    public const string LeadEmailBlocks = "LeadEmailBlocks";
}
