using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>
/// Consent changes by the day they were recorded, for İYS (<c>GET /api/consent/iys-export</c>): the export reads
/// the days of its period, not every lead. Written idempotently just before the ledger row, by whoever writes it, and
/// only for a decision that changes the state (<see cref="IysRecords.MustReport"/>).
/// </summary>
public interface IConsentChangeLog
{
    Task AppendAsync(
        string normalizedEmail,
        ConsentRecord record,
        DateTimeOffset recordedAt,
        CancellationToken cancellationToken
    );

    IAsyncEnumerable<ConsentChange> ReadAsync(
        DateTimeOffset since,
        DateTimeOffset until,
        CancellationToken cancellationToken
    );
}

public sealed record ConsentChange(string Email, ConsentRecord Record, DateTimeOffset RecordedAt);
