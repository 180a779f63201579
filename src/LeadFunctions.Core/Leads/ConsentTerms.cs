namespace LeadFunctions.Core.Leads;

/// <summary>
/// Where each channel's consent stands, derived from the ledger by <see cref="Consent.ConsentLedger.Apply"/> and kept
/// on the lead (or, before the person is a lead, on their partition's waiting row) in the same write as the
/// ledger row that changed it.
/// </summary>
public sealed record ConsentState(IReadOnlyDictionary<ConsentChannel, ChannelConsent> Channels)
{
    public static readonly ConsentState Empty = new(new Dictionary<ConsentChannel, ChannelConsent>());

    public ChannelConsent For(ConsentChannel channel) => Channels.GetValueOrDefault(channel) ?? ChannelConsent.None;

    public ConsentStatus Email => For(ConsentChannel.Email).Status;

    public ConsentState With(ConsentChannel channel, ChannelConsent consent) =>
        new(new Dictionary<ConsentChannel, ChannelConsent>(Channels) { [channel] = consent });
}

/// <summary>
/// One channel's state: its status, when the decision that set it was made, and the grant waiting for
/// confirmation (double opt-in), whose id the confirmation link names.
/// </summary>
public sealed record ChannelConsent(ConsentStatus Status, DateTimeOffset? At, string? PendingId = null)
{
    public static readonly ChannelConsent None = new(ConsentStatus.None, null);
}

/// <summary>What one row of the consent ledger records.</summary>
public enum ConsentAction
{
    /// <summary>Permission given where no confirmation is needed (or given elsewhere, as an İYS ONAY).</summary>
    Granted,

    /// <summary>Permission given where double opt-in applies: nothing is sent until it is confirmed.</summary>
    Pending,

    /// <summary>The person clicked the confirmation link of a pending grant.</summary>
    Confirmed,

    /// <summary>Permission refused (İYS RET, a call centre's "no"): the same effect as a withdrawal.</summary>
    Refused,

    /// <summary>Permission taken back: an unsubscribe, a spam report, a hard bounce, an operator.</summary>
    Withdrawn,
}

/// <summary>Where a channel's consent stands, as the lead shows it (docs/reference.md, "consent.email").</summary>
public enum ConsentStatus
{
    None,
    Pending,
    Granted,
    Withdrawn,
}

/// <summary>How a commercial message reaches a person: İYS's EPOSTA, MESAJ and ARAMA. Each has its own
/// consent.</summary>
public enum ConsentChannel
{
    Email,
    Sms,
    Call,
}

public static class ConsentChannels
{
    public static string ToApiName(this ConsentChannel channel) => channel.ToString().ToLowerInvariant();

    /// <summary>İYS's "type" field.</summary>
    public static string ToIysType(this ConsentChannel channel) =>
        channel switch
        {
            ConsentChannel.Email => "EPOSTA",
            ConsentChannel.Sms => "MESAJ",
            _ => "ARAMA",
        };

    public static bool TryParse(string? value, out ConsentChannel channel)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "EMAIL" or "E-MAIL" or "EPOSTA" or "E-POSTA":
                channel = ConsentChannel.Email;
                return true;
            case "SMS" or "MESAJ":
                channel = ConsentChannel.Sms;
                return true;
            case "CALL" or "ARAMA" or "PHONE":
                channel = ConsentChannel.Call;
                return true;
            default:
                channel = default;
                return false;
        }
    }
}

/// <summary>How a consent decision reached us.</summary>
public enum ConsentSource
{
    Form,
    Webinar,
    Import,
    IysImport,
    UnsubscribeLink,
    ConfirmationLink,
    SendGridEvent,
    Operator,
}

public static class ConsentSources
{
    /// <summary>snake_case, as the API shows it ("iys_import", "sendgrid_event").</summary>
    public static string ToApiName(this ConsentSource source) =>
        source switch
        {
            ConsentSource.IysImport => "iys_import",
            ConsentSource.UnsubscribeLink => "unsubscribe_link",
            ConsentSource.ConfirmationLink => "confirmation_link",
            ConsentSource.SendGridEvent => "sendgrid_event",
            _ => source.ToString().ToLowerInvariant(),
        };
}

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

/// <summary>İYS's recipient type: a consumer (BIREYSEL) needs prior consent; a merchant (TACIR) may refuse.</summary>
public enum RecipientType
{
    Individual,
    Merchant,
}

public static class RecipientTypes
{
    public static string ToIysName(this RecipientType type) => type == RecipientType.Merchant ? "TACIR" : "BIREYSEL";

    public static bool TryParse(string? value, out RecipientType type)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "INDIVIDUAL" or "BIREYSEL" or "BİREYSEL" or "CONSUMER":
                type = RecipientType.Individual;
                return true;
            case "MERCHANT" or "TACIR" or "TACİR" or "BUSINESS":
                type = RecipientType.Merchant;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
