using System.Globalization;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Tables;
using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// The due index in the NurtureDue table: a partition per minute ("yyyyMMddHHmm", UTC), a row per due send
/// keyed "{due ticks}|{lead}|{campaign}". A send due in the past goes into the current minute, which the
/// timer has not finished with yet.
/// </summary>
public sealed class DueSendTableIndex(LeadTables tables, TimeProvider time) : IDueSendIndex
{
    public async Task AddAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var bucket in sends.Select(s => s with { DueAt = s.DueAt < now ? now : s.DueAt }).GroupBy(s => Bucket(s.DueAt)))
        {
            foreach (var chunk in bucket.Chunk(100))
            {
                var actions = chunk.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(bucket.Key, s))).ToList();
                if (actions is [var only])
                {
                    await tables.NurtureDue.UpsertEntityAsync(only.Entity, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await tables.NurtureDue.SubmitTransactionAsync(actions, cancellationToken);
                }
            }
        }
    }

    public static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string bucket, DueSend send) =>
        new(bucket, string.Create(CultureInfo.InvariantCulture, $"{send.DueAt.UtcTicks:D19}|{send.LeadId}|{send.CampaignId}"))
        {
            ["LeadId"] = send.LeadId,
            ["CampaignId"] = send.CampaignId,
            ["StepId"] = send.StepId,
            ["DueAt"] = send.DueAt,
        };
}
