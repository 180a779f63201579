using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Consent;

/// <summary>Up to 100 rows of a consent CSV (POST /api/consent/import), as they travel on the consent-import
/// queue.</summary>
public sealed record ConsentImportBatch(string ImportId, IReadOnlyList<ConsentImportRow> Rows)
{
    /// <summary>Rows per batch at most; the queue sends a batch too big for one message in parts.</summary>
    public const int MaxRows = 100;

    /// <summary>The batch's place in its import (0, 1, …), for logs: queue messages are not taken in order.</summary>
    public int Sequence { get; init; }

    /// <summary>
    /// The file is İYS's own download (<c>?origin=iys</c>): its decisions are İYS's already and are never exported
    /// back. Any other list (a call centre's, a fair's paper forms) is ours to report, as every decision we collect is.
    /// </summary>
    public bool FromIys { get; init; }
}

/// <summary>One decision made elsewhere (İYS, a call centre), validated: the email normalized, the status a grant or a
/// refusal.</summary>
public sealed record ConsentImportRow
{
    /// <summary>The row's line in the file (the header is line 1).</summary>
    public required int Line { get; init; }

    public required string Email { get; init; }

    public ConsentChannel Channel { get; init; } = ConsentChannel.Email;

    /// <summary>ONAY / granted (true) or RET / withdrawn (false).</summary>
    public required bool Granted { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>İYS's source code as given (HS_WEB, HS_CAGRI_MERKEZI …), or null.</summary>
    public string? IysSource { get; init; }

    public RecipientType RecipientType { get; init; } = RecipientType.Individual;
}

public interface IConsentImportQueue
{
    Task EnqueueAsync(ConsentImportBatch batch, CancellationToken cancellationToken);
}
