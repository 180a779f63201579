using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Tests.Campaigns;

/// <summary>
/// A campaign launched to a million people, on paper: every first step due in the same minute, counted per partition of
/// the due index as the index would write them. No Azure needed.
/// </summary>
public sealed class DueIndexShardingTests
{
    /// <summary>What Azure's documentation gives a table partition: about 2,000 entities a second.</summary>
    private const double PartitionEntitiesPerSecond = 2_000;

    /// <summary>
    /// The fastest a launch can enroll on one storage account: 20,000 operations a second for the account, and an
    /// enrollment costs about four (the lead's read and write, its index row, its share of the queue).
    /// </summary>
    private const double LaunchEnrollmentsPerSecond = 20_000 / 4.0;

    [Fact]
    public void MillionPersonLaunch_EntriesSpreadOverTheMinutesShards_EachWrittenAndReadUnderThePartitionsRate()
    {
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 30, TimeSpan.Zero);
        var perPartition = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 1_000_000; i++)
        {
            var send = new DueSend(LeadId.FromEmail($"kisi{i}@example.com"), "launch", "welcome", now);
            var partition = DueSendTableIndex.PartitionOf(send, now);
            perPartition[partition] = perPartition.GetValueOrDefault(partition) + 1;
        }

        Assert.Equal(DueSendTableIndex.Shards, perPartition.Count);
        Assert.All(perPartition.Keys, p => Assert.StartsWith("202612070900|", p, StringComparison.Ordinal));
        var busiest = perPartition.Values.Max();
        Assert.InRange(busiest, 1_000_000 / DueSendTableIndex.Shards, 1_000_000 / DueSendTableIndex.Shards * 1.01);

        // Each entry is written once and read once by the timer: the busiest partition's share of the launch, twice.
        var busiestPerSecond = 2 * LaunchEnrollmentsPerSecond * busiest / 1_000_000;
        Assert.True(
            busiestPerSecond < PartitionEntitiesPerSecond,
            $"{busiestPerSecond:0} entities/s on the busiest partition"
        );
        // Unsharded, one partition would take all of it.
        Assert.True(2 * LaunchEnrollmentsPerSecond > PartitionEntitiesPerSecond);
    }

    [Fact]
    public void PartitionOf_ASendDueLater_ItsOwnMinute_OneDueInThePast_TheCurrentMinute()
    {
        var now = new DateTimeOffset(2026, 12, 7, 9, 0, 30, TimeSpan.Zero);
        var lead = LeadId.FromEmail("ayse@acme.com.tr");

        Assert.StartsWith(
            "202612070905|",
            DueSendTableIndex.PartitionOf(new DueSend(lead, "c", "s", now.AddMinutes(5)), now),
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "202612070900|",
            DueSendTableIndex.PartitionOf(new DueSend(lead, "c", "s", now.AddHours(-3)), now),
            StringComparison.Ordinal
        );
    }
}
