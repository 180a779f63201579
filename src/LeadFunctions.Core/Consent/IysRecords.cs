using System.Globalization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>One consent change in İYS's record shape.</summary>
public sealed record IysRecord(
    string Recipient,
    string Type,
    string Source,
    string Status,
    string ConsentDate,
    string RecipientType
);

/// <summary>
/// Maps our ledger rows to İYS records: ONAY for a grant or confirmation, RET for a refusal or withdrawal; a grant
/// still waiting for confirmation is no consent yet and is left out. Dates are Turkey's time, as İYS shows them.
/// </summary>
public static class IysRecords
{
    /// <summary>
    /// Whether İYS must hear of a decision: it changed its channel's status, and it did not come from İYS. A repeat
    /// (the same list imported again), a decision older than the one in force, or İYS's own rows would be no-ops there.
    /// </summary>
    public static bool MustReport(ConsentRecord record, ConsentState before, ConsentState after) =>
        record.Source != ConsentSource.IysImport
        && before.For(record.Channel).Status != after.For(record.Channel).Status;

    public static IysRecord? From(ConsentChange change)
    {
        var record = change.Record;
        var status = record.Action switch
        {
            ConsentAction.Granted or ConsentAction.Confirmed => "ONAY",
            ConsentAction.Refused or ConsentAction.Withdrawn => "RET",
            _ => null,
        };
        return status is null
            ? null
            : new IysRecord(
                change.Email,
                record.Channel.ToIysType(),
                record.IysSource ?? Source(record.Source),
                status,
                TurkeyTime.ToLocal(record.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                record.RecipientType.ToIysName()
            );
    }

    private static string Source(ConsentSource source) =>
        source switch
        {
            ConsentSource.Form => "HS_WEB",
            ConsentSource.Webinar => "HS_ETKINLIK",
            ConsentSource.Import => "HS_FIZIKSEL_ORTAM",
            ConsentSource.Operator => "HS_CAGRI_MERKEZI",
            _ => "HS_EPOSTA",
        };
}
