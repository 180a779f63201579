using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Consent;

/// <summary>
/// The İYS change log: one partition per UTC day of recording, a row per (lead, record) upserted, so writing
/// it again after a redelivery changes nothing. An export reads only the days of its period.
/// Appends are group-committed (<see cref="WindowedUpserts"/>): those arriving within <see cref="Window"/> for the
/// same day go in one entity-group transaction, so under load the log costs a fraction of a storage operation per
/// consent instead of one (a new lead with consent costs ~4.4 operations; one more each would be 5.4).
/// </summary>
public sealed class ConsentChangeTableLog(LeadTables tables, TimeProvider time) : IConsentChangeLog
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(25);
    private const string DayFormat = "yyyyMMdd";
    private readonly WindowedUpserts upserts = new(tables.ConsentChanges, Window, time);

    public async Task AppendAsync(
        string normalizedEmail,
        ConsentRecord record,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken
    )
    {
        var entity = ConsentEntityMapper.ToEntity(Day(recordedAt), record);
        entity.RowKey = $"{LeadId.FromEmail(normalizedEmail)}|{StableId.From(record.Id)}";
        entity["Email"] = normalizedEmail;
        entity["RecordedAt"] = recordedAt;

        await upserts.UpsertAsync(entity, cancellationToken);
    }

    public async IAsyncEnumerable<ConsentChange> ReadAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        for (var day = since.UtcDateTime.Date; day < until.UtcDateTime; day = day.AddDays(1))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {Day(day)} and RecordedAt ge {since} and RecordedAt lt {until}"
            );
            await foreach (
                var entity in tables.ConsentChanges.QueryAsync<TableEntity>(
                    filter,
                    cancellationToken: cancellationToken
                )
            )
            {
                yield return new ConsentChange(
                    entity.GetString("Email"),
                    ConsentEntityMapper.ToRecord(entity),
                    entity.GetDateTimeOffset("RecordedAt") ?? day
                );
            }
        }
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture);
}

/// <summary>
/// Consent in the Leads table: ledger rows "c|{hash of the record id}" in the person's partition (adding one
/// twice collides, so a repeat is detected), and the derived state as JSON on the lead or waiting row.
/// </summary>
internal static class ConsentEntityMapper
{
    public const string LedgerPrefix = "c|";
    public const string LedgerPrefixEnd = "c}";
    public const string StateProperty = "ConsentState";

    /// <summary>The email status alone, as rows written before the ledger kept it (and as it is still written, for
    /// readers of the table).</summary>
    public const string LegacyStatusProperty = "Consent";
    private const string LegacyTextProperty = "ConsentText";

    public static TableEntity ToEntity(string leadId, ConsentRecord record) =>
        new(leadId, LedgerPrefix + StableId.From(record.Id))
        {
            ["RecordId"] = record.Id,
            ["Channel"] = record.Channel.ToString(),
            ["Action"] = record.Action.ToString(),
            ["At"] = record.At,
            ["ConsentSource"] = record.Source.ToString(),
            ["RecipientType"] = record.RecipientType.ToString(),
            ["Ip"] = record.Ip,
            ["UserAgent"] = record.UserAgent,
            ["Text"] = record.Text,
            ["Evidence"] = record.Evidence,
            ["IysSource"] = record.IysSource,
        };

    public static ConsentRecord ToRecord(TableEntity entity) =>
        new()
        {
            Id = entity.GetString("RecordId"),
            Channel = Enum.Parse<ConsentChannel>(entity.GetString("Channel")),
            Action = Enum.Parse<ConsentAction>(entity.GetString("Action")),
            At = entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            Source = Enum.Parse<ConsentSource>(entity.GetString("ConsentSource")),
            RecipientType = Enum.Parse<RecipientType>(entity.GetString("RecipientType")),
            Ip = entity.GetString("Ip"),
            UserAgent = entity.GetString("UserAgent"),
            Text = entity.GetString("Text"),
            Evidence = entity.GetString("Evidence"),
            IysSource = entity.GetString("IysSource"),
        };

    public static void WriteState(TableEntity entity, ConsentState state)
    {
        entity[StateProperty] = JsonSerializer.Serialize(
            state.Channels.ToDictionary(c => c.Key.ToString(), c => c.Value),
            JsonDefaults.Options
        );
        entity[LegacyStatusProperty] = state.Email.ToString();
    }

    /// <summary>
    /// The state a row holds. A lead written before the ledger has only its email status: it is kept, dated
    /// at <paramref name="legacyAt"/> (the lead's creation), so what those leads had is not lost.
    /// </summary>
    public static ConsentState ReadState(TableEntity entity, DateTimeOffset legacyAt)
    {
        if (entity.GetString(StateProperty) is { } json)
        {
            var channels = JsonSerializer.Deserialize<Dictionary<string, ChannelConsent>>(json, JsonDefaults.Options)
                ?? [];
            return new ConsentState(channels.ToDictionary(c => Enum.Parse<ConsentChannel>(c.Key), c => c.Value));
        }

        return
            Enum.TryParse<ConsentStatus>(entity.GetString(LegacyStatusProperty), out var status)
            && status != ConsentStatus.None
            ? ConsentState.Empty.With(ConsentChannel.Email, new ChannelConsent(status, legacyAt))
            : ConsentState.Empty;
    }

    /// <summary>The ledger row a lead written before the ledger stands for: its status and consent text, from the
    /// form.</summary>
    public static ConsentRecord? LegacyRecord(TableEntity leadRow, Lead lead) =>
        leadRow.GetString(StateProperty) is null && lead.Consent.Email is var status and not ConsentStatus.None
            ? new ConsentRecord
            {
                Id = "legacy",
                Action = status == ConsentStatus.Withdrawn ? ConsentAction.Withdrawn : ConsentAction.Granted,
                At = lead.CreatedAt,
                Source = ConsentSource.Form,
                Text = leadRow.GetString(LegacyTextProperty),
                Evidence = "recorded on the lead before the consent ledger existed",
            }
            : null;
}
