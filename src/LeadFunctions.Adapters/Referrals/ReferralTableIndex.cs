using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Referrals;

namespace LeadFunctions.Adapters.Referrals;

/// <summary>The Referrals table: a partition per referrer (their lead id), a row per referred lead, replaced as its
/// stage moves.</summary>
public sealed class ReferralTableIndex(LeadTables tables) : IReferralIndex
{
    public Task RecordAsync(Referral referral, CancellationToken cancellationToken) =>
        tables.Referrals.UpsertEntityAsync(
            new TableEntity(referral.ReferrerLeadId, referral.ReferredLeadId)
            {
                ["ReferrerEmail"] = referral.ReferrerEmail,
                ["Stage"] = referral.Stage.ToApiName(),
                ["LeadSince"] = referral.LeadSince,
            },
            TableUpdateMode.Replace,
            cancellationToken
        );

    public async IAsyncEnumerable<Referral> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (
            var row in tables.Referrals.QueryAsync<TableEntity>(maxPerPage: 1000, cancellationToken: cancellationToken)
        )
        {
            yield return new Referral(
                row.GetString("ReferrerEmail"),
                row.RowKey,
                LifecycleStages.TryParse(row.GetString("Stage"), out var stage) ? stage : LifecycleStage.Lead,
                row.GetDateTimeOffset("LeadSince") ?? DateTimeOffset.MinValue
            );
        }
    }
}
