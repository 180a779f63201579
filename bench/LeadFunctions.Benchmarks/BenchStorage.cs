using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Queues;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Adapters.Tables;
using LeadFunctions.Core.Leads;
using LeadFunctions.Testing;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Benchmarks;

/// <summary>The queue, table and rows a host started with --Storage:NamePrefix=<c>prefix</c> uses, named as it names them.</summary>
internal static class BenchStorage
{
    public static QueueClient IntakeQueue(AzuriteProcess azurite, string prefix) =>
        new(azurite.ConnectionString, Names(prefix).Queue(QueueNames.LeadIntake));

    public static TableClient LeadsTable(AzuriteProcess azurite, string prefix) =>
        new(azurite.ConnectionString, Names(prefix).Table(TableNames.Leads));

    /// <summary>The lead rows whose email starts with <paramref name="emailPrefix"/>: one bench run's leads.</summary>
    public static string LeadRowsByEmailPrefix(string emailPrefix) => LeadTableQuery.Filter(new LeadFilter(null, null, null, emailPrefix));

    private static StorageNames Names(string prefix) => new(Options.Create(new StorageOptions { NamePrefix = prefix }));
}
