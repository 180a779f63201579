using Azure.Data.Tables;
using Azure.Storage.Queues;
using LeadFunctions.Adapters.Leads;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Testing;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Benchmarks;

/// <summary>The queue, table and rows a host started with --Storage:NamePrefix=<c>prefix</c> uses, named as it names
/// them.</summary>
internal static class BenchStorage
{
    public static QueueClient IntakeQueue(AzuriteProcess azurite, string prefix) =>
        new(azurite.ConnectionString, Names(prefix).Queue(QueueNames.LeadIntake));

    private static QueueClient IntakePoisonQueue(AzuriteProcess azurite, string prefix) =>
        new(azurite.ConnectionString, Names(prefix).Queue(QueueNames.Poison(QueueNames.LeadIntake)));

    /// <summary>Where leads not stored yet are: "N queued, M poisoned" in lead-intake and its poison queue.</summary>
    public static async Task<string> IntakeBacklogAsync(AzuriteProcess azurite, string prefix)
    {
        async Task<int> CountAsync(QueueClient queue) =>
            await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
        return $"{await CountAsync(IntakeQueue(azurite, prefix))} queued, "
            + $"{await CountAsync(IntakePoisonQueue(azurite, prefix))} poisoned";
    }

    public static TableClient LeadsTable(AzuriteProcess azurite, string prefix) =>
        new(azurite.ConnectionString, Names(prefix).Table(TableNames.Leads));

    /// <summary>The lead rows whose email starts with <paramref name="emailPrefix"/>: one bench run's leads.</summary>
    public static string LeadRowsByEmailPrefix(string emailPrefix) =>
        LeadTableQuery.Filter(new LeadFilter(null, null, null, emailPrefix));

    private static StorageNames Names(string prefix) => new(Options.Create(new StorageOptions { NamePrefix = prefix }));
}
