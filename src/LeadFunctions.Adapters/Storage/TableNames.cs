namespace LeadFunctions.Adapters.Storage;

public static class TableNames
{
    /// <summary>One partition per lead: the lead's row and its timeline, written together in one transaction.</summary>
    public const string Leads = "Leads";
}
