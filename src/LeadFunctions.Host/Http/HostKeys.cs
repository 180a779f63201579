using System.Security.Cryptography;
using System.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Workspace;
using LeadFunctions.Host.Configuration;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Http;

/// <summary>
/// The host's keys: which one a caller presented, compared in fixed time, for the key check of Function- and
/// Admin-level endpoints and for the workspace's sign-in page (a function key signs in marketing and sales, the
/// master key an admin).
/// </summary>
public sealed class HostKeys(IOptionsMonitor<HostKeysOptions> keys) : IWorkspaceKeys
{
    /// <summary>The function key's name, or <see cref="Master"/>; null when the key is none of ours.</summary>
    public (string Name, bool Master)? Match(string presented)
    {
        var current = keys.CurrentValue;
        if (Same(current.MasterKey, presented))
        {
            return (Master, true);
        }

        return current.FunctionKeys.FirstOrDefault(k => Same(k.Value, presented)) is { Key: { } name }
            ? (name, false)
            : null;
    }

    public WorkspaceUser? UserOf(string key) =>
        Match(key) is { } found
            ? new WorkspaceUser(found.Name, found.Master ? WorkspaceRoles.All : WorkspaceRoles.Team)
            : null;

    private const string Master = "master";

    private static bool Same(string? expected, string presented) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
