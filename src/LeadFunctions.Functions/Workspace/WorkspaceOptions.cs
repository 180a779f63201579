using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Functions.Workspace;

/// <summary>The browser workspace under /api/app/: how people sign in to it and how long they stay signed in.</summary>
public sealed class WorkspaceOptions
{
    public const string SectionName = "Workspace";

    /// <summary>
    /// Keys self-hosted. AppService on Azure, where the Functions host checks function keys before the worker runs
    /// and the worker never sees them: there App Service Authentication signs people in (infra/main.bicep sets this
    /// when it configures Entra ID).
    /// </summary>
    public WorkspaceSignIn SignIn { get; set; } = WorkspaceSignIn.Keys;

    /// <summary>
    /// Whether the workspace's cookies are always Secure. On Azure the worker sees the Functions host's own plain HTTP
    /// request, never the browser's https, so "Secure when the request is" would leave them unmarked there; the
    /// platform serves the app over https only.
    /// </summary>
    public bool AlwaysSecure => SignIn == WorkspaceSignIn.AppService;

    /// <summary>How long a session lasts after signing in, however busy, before the person signs in again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>Who tells the worker that a person signed in to the workspace.</summary>
public enum WorkspaceSignIn
{
    /// <summary>The person types a function key (marketer and sales) or the master key (admin) on the sign-in
    /// page; the self-hosted runtime, which holds the keys, checks it.</summary>
    Keys,

    /// <summary>App Service Authentication with Microsoft Entra ID, passed on in the X-MS-CLIENT-PRINCIPAL header
    /// (<see cref="AppServicePrincipal"/>); roles are the app registration's app roles.</summary>
    AppService,
}
