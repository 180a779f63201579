namespace LeadFunctions.Core.Workspace;

/// <summary>The workspace's addresses, as a browser sees them (the routes are these without "/api/").</summary>
public static class WorkspacePaths
{
    public const string Root = "/api/app";
    public const string SignIn = Root + "/signin";
    public const string SignOut = Root + "/signout";
    public const string Language = Root + "/language";
    public const string Campaigns = Root + "/campaigns";
    public const string Leads = Root + "/leads";
    public const string Imports = Root + "/imports";
    public const string Dashboard = Root + "/dashboard";
    public const string Suppressions = Root + "/suppressions";
    public const string Scoring = Root + "/scoring";
    public const string Assets = Root + "/assets";

    /// <summary>A campaign's results page (its preview, editor and forms are under it).</summary>
    public static string Campaign(string campaignId) => $"{Campaigns}/{Uri.EscapeDataString(campaignId)}";

    /// <summary>Whether <paramref name="path"/> is a workspace page to come back to after signing in or switching
    /// language: a local path under <see cref="Root"/>, never another site (an open redirect).</summary>
    public static bool IsOwn(string? path) =>
        path is not null
        && path.StartsWith(Root + "/", StringComparison.Ordinal)
        && !path.Contains("//", StringComparison.Ordinal)
        && !path.Contains('\\', StringComparison.Ordinal)
        && Uri.IsWellFormedUriString(path, UriKind.Relative);
}
