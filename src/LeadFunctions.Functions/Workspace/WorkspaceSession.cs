using System.Security.Claims;
using LeadFunctions.Core.Workspace;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// The workspace session: ASP.NET Core's cookie authentication, called by the functions themselves (no middleware, so
/// the same on both hosts). The cookie is encrypted and signed with the shared key ring, HttpOnly, SameSite=Strict,
/// Secure over https, and the ticket inside it expires <see cref="WorkspaceOptions.SessionLifetime"/> after sign-in.
/// </summary>
public static class WorkspaceSession
{
    public const string Scheme = "Workspace";
    public const string CookieName = "lf_session";

    private const string RolesClaim = "lf_roles";

    public static async Task<WorkspaceUser?> ReadAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal.Identity?.Name is not { } name)
        {
            return null;
        }

        // The anti-forgery token is bound to this identity.
        context.User = result.Principal;
        var roles = Enum.TryParse<WorkspaceRoles>(result.Principal.FindFirstValue(RolesClaim), out var r)
            ? r
            : WorkspaceRoles.None;
        return roles == WorkspaceRoles.None ? null : new WorkspaceUser(name, roles);
    }

    public static Task SignInAsync(HttpContext context, WorkspaceUser user)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(RolesClaim, user.Roles.ToString())],
            Scheme
        );
        var principal = new ClaimsPrincipal(identity);
        context.User = principal;
        return context.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);
}
