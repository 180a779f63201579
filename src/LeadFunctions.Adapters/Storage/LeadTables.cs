using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Adapters.Storage;

/// <summary>The table clients, resolved once with their physical names.</summary>
public sealed class LeadTables(TableServiceClient service, StorageNames names)
{
    public TableClient Leads { get; } = service.GetTableClient(names.Table(TableNames.Leads));

    public TableClient Settings { get; } = service.GetTableClient(names.Table(TableNames.Settings));

    public TableClient Crm { get; } = service.GetTableClient(names.Table(TableNames.Crm));

    public TableClient ConsentChanges { get; } = service.GetTableClient(names.Table(TableNames.ConsentChanges));

    public TableClient Suppressions { get; } = service.GetTableClient(names.Table(TableNames.Suppressions));

    public TableClient MailEvents { get; } = service.GetTableClient(names.Table(TableNames.MailEvents));

    public TableClient SendGridUnhandled { get; } = service.GetTableClient(names.Table(TableNames.SendGridUnhandled));

    public TableClient Campaigns { get; } = service.GetTableClient(names.Table(TableNames.Campaigns));

    public TableClient NurtureDue { get; } = service.GetTableClient(names.Table(TableNames.NurtureDue));

    public TableClient CampaignStats { get; } = service.GetTableClient(names.Table(TableNames.CampaignStats));

    public TableClient Referrals { get; } = service.GetTableClient(names.Table(TableNames.Referrals));

    public TableClient FunnelCounts { get; } = service.GetTableClient(names.Table(TableNames.FunnelCounts));

    public TableClient On24Poll { get; } = service.GetTableClient(names.Table(TableNames.On24Poll));

    public TableClient WebinarRegistrations { get; } =
        service.GetTableClient(names.Table(TableNames.WebinarRegistrations));

    public TableClient TeamsSubscriptions { get; } = service.GetTableClient(names.Table(TableNames.TeamsSubscriptions));

    public TableClient WebinarSchedules { get; } = service.GetTableClient(names.Table(TableNames.WebinarSchedules));

    public TableClient LeadEmails { get; } = service.GetTableClient(names.Table(TableNames.LeadEmails));

    public TableClient LeadEmailBlocks { get; } = service.GetTableClient(names.Table(TableNames.LeadEmailBlocks));

    public IEnumerable<TableClient> All =>
        [
            Leads,
            Settings,
            Crm,
            ConsentChanges,
            Suppressions,
            MailEvents,
            SendGridUnhandled,
            Campaigns,
            NurtureDue,
            CampaignStats,
            Referrals,
            FunnelCounts,
            On24Poll,
            WebinarRegistrations,
            TeamsSubscriptions,
            WebinarSchedules,
            LeadEmails,
            LeadEmailBlocks,
        ];
}

/// <summary>The physical name of each queue, table and blob container, with the configured prefix.</summary>
public sealed class StorageNames(IOptions<StorageOptions> options)
{
    private readonly string prefix = options.Value.NamePrefix;

    public string Queue(string name) => prefix.Length == 0 ? name : $"{prefix}-{name}";

    public string Table(string name) => prefix + name;

    public string Container(string name) => prefix.Length == 0 ? name : $"{prefix}-{name}";
}
