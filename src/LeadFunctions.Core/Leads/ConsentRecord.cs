namespace LeadFunctions.Core.Leads;

/// <summary>
/// One row of a person's consent ledger: append-only, kept as evidence (KVKK, İYS, GDPR). <see cref="Id"/> is
/// deterministic for what it records (a submission, a SendGrid event, an import row, a click), so recording
/// the same decision twice is detected and changes nothing.
/// </summary>
public sealed record ConsentRecord
{
    public required string Id { get; init; }

    public ConsentChannel Channel { get; init; } = ConsentChannel.Email;

    public required ConsentAction Action { get; init; }

    /// <summary>When the person decided (an İYS import carries its own date; a click is now).</summary>
    public required DateTimeOffset At { get; init; }

    public required ConsentSource Source { get; init; }

    public RecipientType RecipientType { get; init; } = RecipientType.Individual;

    /// <summary>The request's address and browser, where there was a request from the person.</summary>
    public string? Ip { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The consent text the person agreed to, or its version.</summary>
    public string? Text { get; init; }

    /// <summary>What else proves it: a SendGrid event's type and id, an import's id and line, an operator's
    /// note.</summary>
    public string? Evidence { get; init; }

    /// <summary>İYS's own source code where the decision came from İYS or names one (HS_CAGRI_MERKEZI …).</summary>
    public string? IysSource { get; init; }
}
