using System.Text.Json;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// The person App Service Authentication signed in on Azure, as the platform passes them on in the
/// X-MS-CLIENT-PRINCIPAL header: base64 of {"auth_typ", "claims": [{"typ", "val"}], "name_typ", "role_typ"}.
/// App Service removes a client's own X-MS-* headers only while its authentication is on, so the caller reads this
/// header only when Workspace:SignIn is AppService; otherwise anyone could send it.
/// </summary>
/// <param name="Name">Who signed in, to show and to record; null when no claim names them.</param>
/// <param name="Roles">The app roles granted in Entra ID, as given: admin alone is only Admin, and what a role
/// implies is the caller's to decide.</param>
public sealed record AppServicePrincipal(string? Name, WorkspaceRoles Roles)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The claim type .NET maps "roles" to; role_typ usually names it while the claims keep "roles".</summary>
    private const string LongRoleType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>The app roles' values as created in the app registration, matched whatever their case.</summary>
    private static readonly Dictionary<string, WorkspaceRoles> RoleValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["marketer"] = WorkspaceRoles.Marketer,
        ["sales"] = WorkspaceRoles.Sales,
        ["admin"] = WorkspaceRoles.Admin,
    };

    /// <summary>
    /// The principal in the header, or null when there is none or it is not one (not base64, not JSON, no claims):
    /// such a request is simply not signed in, so this never throws.
    /// </summary>
    public static AppServicePrincipal? Parse(string? header)
    {
        var bytes = new byte[header?.Length ?? 0];
        if (string.IsNullOrWhiteSpace(header) || !Convert.TryFromBase64String(header.Trim(), bytes, out var length))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(0, length));
            return Read(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException) // not UTF-8 or not JSON
        {
            return null;
        }
    }

    private static AppServicePrincipal? Read(JsonElement principal)
    {
        if (Property(principal, "claims") is not { ValueKind: JsonValueKind.Array } claims)
        {
            return null;
        }

        var roleType = Text(principal, "role_typ") ?? "roles";
        var values = new Dictionary<string, string>(StringComparer.Ordinal); // the first value of each claim type
        var roles = WorkspaceRoles.None;
        foreach (var claim in claims.EnumerateArray())
        {
            if (Text(claim, "typ") is { } type && Text(claim, "val") is { } value)
            {
                values.TryAdd(type, value);
                roles |=
                    type == roleType || type is "roles" or LongRoleType
                        ? RoleValues.GetValueOrDefault(value.Trim())
                        : WorkspaceRoles.None;
            }
        }

        var name = Text(principal, "name_typ") is { } nameType ? values.GetValueOrDefault(nameType) : null;
        name ??= values.GetValueOrDefault("name") ?? values.GetValueOrDefault("preferred_username");
        return values.Count == 0 ? null : new AppServicePrincipal(name, roles);
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
