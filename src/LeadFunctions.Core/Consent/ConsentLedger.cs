using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// The rules of the consent ledger: how one decision changes a channel's state. Decisions count in the order
/// they were made (<see cref="ConsentRecord.At"/>), not the order they arrive: a refusal always wins over an
/// older grant, and at the same moment a refusal wins over a grant. An unticked box records nothing.
/// </summary>
public static class ConsentLedger
{
    /// <summary>The ledger as it is shown: oldest decision first.</summary>
    public static IReadOnlyList<ConsentRecord> OldestFirst(IEnumerable<ConsentRecord> records) =>
        [.. records.OrderBy(r => r.At).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public static ConsentState Apply(ConsentState state, ConsentRecord record)
    {
        var current = state.For(record.Channel);
        var next = Apply(current, record);
        return next == current ? state : state.With(record.Channel, next);
    }

    private static ChannelConsent Apply(ChannelConsent current, ConsentRecord record)
    {
        var refusal = record.Action is ConsentAction.Refused or ConsentAction.Withdrawn;
        var older =
            current.At is { } at
            && (record.At < at || (record.At == at && !refusal && current.Status == ConsentStatus.Withdrawn));
        if (older)
        {
            // A grant made before a confirmation was asked for means there was consent all along.
            return current.Status == ConsentStatus.Pending && record.Action == ConsentAction.Granted
                ? current with
                {
                    Status = ConsentStatus.Granted,
                    PendingId = null,
                }
                : current;
        }

        return record.Action switch
        {
            ConsentAction.Granted => new ChannelConsent(ConsentStatus.Granted, record.At),
            ConsentAction.Pending when current.Status == ConsentStatus.Granted => current with { At = record.At },
            ConsentAction.Pending => new ChannelConsent(ConsentStatus.Pending, record.At, record.Id),
            ConsentAction.Confirmed when current.Status == ConsentStatus.Pending => new ChannelConsent(
                ConsentStatus.Granted,
                record.At
            ),
            ConsentAction.Confirmed => current,
            _ => new ChannelConsent(ConsentStatus.Withdrawn, record.At),
        };
    }

    /// <summary>The timeline's line for a recorded decision.</summary>
    public static string Describe(ConsentRecord record, ConsentStatus before, ConsentStatus after)
    {
        var what = record.Action switch
        {
            ConsentAction.Pending => "given, waiting for confirmation (double opt-in)",
            ConsentAction.Confirmed => "confirmed",
            ConsentAction.Refused => "refused",
            ConsentAction.Withdrawn => "withdrawn",
            _ => "granted",
        };
        var change = before == after ? $"stays {after.ToApiName()}" : $"{before.ToApiName()} → {after.ToApiName()}";
        return $"{record.Channel.ToApiName()} consent {what} via {record.Source.ToApiName()}: {change}";
    }

    public static string ToApiName(this ConsentStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>A yes or no to consent as forms and lists give it.</summary>
internal static class ConsentAnswer
{
    /// <summary>
    /// HTML checkboxes send "on"; JSON sends true/false; lists say yes/evet or x; absent means no consent.
    /// </summary>
    public static bool? Parse(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "off" or "no" or "0" or "hayır" or "hayir" => false,
            "true" or "on" or "yes" or "1" or "evet" or "x" => true,
            _ => null,
        };
}
