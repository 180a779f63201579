namespace LeadFunctions.Core.Leads;

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
