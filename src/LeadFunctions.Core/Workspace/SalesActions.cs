using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The sales decisions the lead page offers, by the name its form posts. Each is <see cref="SalesDecisions"/>' own
/// rule, the one the API's qualify, disqualify, convert and win apply.
/// </summary>
public static class SalesActions
{
    public const string Qualify = "qualify";
    public const string Disqualify = "disqualify";
    public const string Convert = "convert";
    public const string Win = "win";

    public static Func<Lead, DateTimeOffset, Decision>? Named(string? name, string? reason) =>
        name switch
        {
            Qualify => SalesDecisions.Qualify,
            Disqualify => (lead, now) => SalesDecisions.Disqualify(lead, reason, now),
            Convert => SalesDecisions.Convert,
            Win => SalesDecisions.Win,
            _ => null,
        };

    /// <summary>Whether the lead's stage allows the decision (with a reason, for disqualify), so the page offers only
    /// what can be done; the time plays no part in that.</summary>
    public static bool Allows(string name, Lead lead) =>
        Named(name, name)?.Invoke(lead, lead.UpdatedAt).Lead is not null;
}
