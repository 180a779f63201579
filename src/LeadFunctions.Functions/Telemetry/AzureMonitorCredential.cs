using Azure.Core;
using Azure.Identity;

namespace LeadFunctions.Functions.Telemetry;

/// <summary>
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING, as the Functions host reads it ("Authorization=AAD;ClientId=…"): the
/// Application Insights resource of infra/main.bicep takes no key alone (DisableLocalAuth), so the exporter signs
/// in with the app's managed identity, the user-assigned one when a client id is given.
/// </summary>
public static class AzureMonitorCredential
{
    public const string Setting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static TokenCredential? From(string? authentication)
    {
        var parts = (authentication ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (
            !parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)
        )
        {
            return null;
        }

        return new ManagedIdentityCredential(
            parts.TryGetValue("ClientId", out var clientId)
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned
        );
    }
}
