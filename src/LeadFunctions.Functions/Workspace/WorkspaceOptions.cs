using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Functions.Workspace;

/// <summary>How people sign in to the workspace and for how long ("Workspace:*"; docs/workspace.md).</summary>
public sealed class WorkspaceOptions
{
    public const string SectionName = "Workspace";

    /// <summary>Keys: the sign-in page takes a function or master key (self-hosted, where the app sees keys).
    /// AppService: the platform signs people in with Microsoft Entra ID and passes on who they are (Azure).</summary>
    public WorkspaceSignIn SignIn { get; set; } = WorkspaceSignIn.Keys;

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

public enum WorkspaceSignIn
{
    Keys,
    AppService,
}
