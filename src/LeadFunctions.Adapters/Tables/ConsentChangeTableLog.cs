using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Adapters.Tables;

/// <summary>
/// The İYS change log: one partition per UTC day of recording, a row per (lead, record) upserted, so writing
/// it again after a redelivery changes nothing. An export reads only the days of its period.
/// </summary>
public sealed class ConsentChangeTableLog(LeadTables tables) : IConsentChangeLog
{
    private const string DayFormat = "yyyyMMdd";

    public async Task AppendAsync(string normalizedEmail, ConsentRecord record, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        var entity = ConsentEntityMapper.ToEntity(Day(recordedAt), record);
        entity.RowKey = $"{LeadId.FromEmail(normalizedEmail)}|{StableId.From(record.Id)}";
        entity["Email"] = normalizedEmail;
        entity["RecordedAt"] = recordedAt;
        await tables.ConsentChanges.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<ConsentChange> ReadAsync(DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var day = since.UtcDateTime.Date; day < until.UtcDateTime; day = day.AddDays(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Day(day)} and RecordedAt ge {since} and RecordedAt lt {until}");
            await foreach (var entity in tables.ConsentChanges.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return new ConsentChange(entity.GetString("Email"), ConsentEntityMapper.ToRecord(entity), entity.GetDateTimeOffset("RecordedAt") ?? day);
            }
        }
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture);
}
