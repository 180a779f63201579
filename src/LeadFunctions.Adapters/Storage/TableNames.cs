namespace LeadFunctions.Adapters.Storage;

public static class TableNames
{
    /// <summary>One partition per lead: the lead's row and its timeline, written together in one transaction.</summary>
    public const string Leads = "Leads";

    /// <summary>Configuration edited at run time (the scoring model).</summary>
    public const string Settings = "Settings";

    /// <summary>Contacts, accounts and opportunities created by converting leads.</summary>
    public const string Crm = "Crm";

    /// <summary>Consent changes by the day they were recorded, for the İYS export (partition = yyyyMMdd, UTC).</summary>
    public const string ConsentChanges = "ConsentChanges";
}
