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
