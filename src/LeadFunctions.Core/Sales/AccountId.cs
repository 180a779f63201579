using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Sales;

/// <summary>
/// The CRM account a conversion links to names the company, not the person, so that colleagues who are
/// converted join one account: keyed by the company domain (a business email's), else the company name
/// lower-cased, else, with neither, the person's email, which gives them an account of their own.
/// </summary>
public static class AccountId
{
    /// <summary>
    /// Hashed with <see cref="StableId"/>, not <see cref="LeadId.FromEmail"/> as it was: this names a company, and
    /// a change to how people are identified must not move their companies' accounts. Both are the first 32 hex
    /// digits of a SHA-256, so the accounts written before keep their ids and new colleagues still join them.
    /// </summary>
    public static string For(Lead lead)
    {
        var company = lead.Enrichment?.CompanyDomain ?? lead.Company?.Trim().ToLowerInvariant() ?? lead.Email;
        return $"account-{StableId.From("account:" + company)}";
    }
}
