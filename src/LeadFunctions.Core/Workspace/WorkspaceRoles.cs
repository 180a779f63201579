namespace LeadFunctions.Core.Workspace;

/// <summary>
/// What a person signed in to the workspace may do. Self-hosted, a function key signs in a marketer who is also in
/// sales and the master key an admin who is all three; on Azure the roles come from the app registration.
/// </summary>
[Flags]
public enum WorkspaceRoles
{
    None = 0,

    /// <summary>Builds, previews, tests, activates and pauses campaigns; imports lists.</summary>
    Marketer = 1,

    /// <summary>Qualifies, disqualifies, converts and wins leads; enrolls them; exports a lead.</summary>
    Sales = 2,

    /// <summary>Also changes the scoring model, erases people and lifts suppressions.</summary>
    Admin = 4,

    /// <summary>What a function key opens self-hosted.</summary>
    Team = Marketer | Sales,

    /// <summary>What the master key opens self-hosted.</summary>
    All = Marketer | Sales | Admin,
}
