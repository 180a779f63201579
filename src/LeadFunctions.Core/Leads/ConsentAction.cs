namespace LeadFunctions.Core.Leads;

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
