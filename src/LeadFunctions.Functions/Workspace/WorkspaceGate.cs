using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Functions.Workspace;

/// <summary>
/// The one door of every workspace page: who is signed in (else to the sign-in page), whether their role allows the
/// page, and, for a form, whether it carries the anti-forgery token this workspace gave it (else nothing is changed).
/// It also decides the page's language: the one chosen with the switch, else the browser's.
/// </summary>
public sealed class WorkspaceGate(IAntiforgery antiforgery, IOptions<WorkspaceOptions> options)
{
    public const string LanguageCookie = "lf_lang";

    /// <summary>The largest form the workspace reads (a campaign with its steps' HTML); an upload has its own
    /// limit.</summary>
    public const int MaxFormBytes = 512 * 1024;

    /// <summary>A page shown by GET.</summary>
    public async Task<WorkspaceVisit> OpenAsync(
        HttpRequest request,
        WorkspaceSection section,
        WorkspaceRoles needs = WorkspaceRoles.None
    )
    {
        SeenAsTheBrowserSent(request);
        var user = await WorkspaceSession.ReadAsync(request.HttpContext);
        var shell = Shell(request, user, section);
        return new(shell, user is null ? SignInFirst(request) : Forbidden(shell, user, needs));
    }

    /// <summary>
    /// A form posted to change something: refused before anything is read when its token is missing or is not this
    /// session's, as a cross-site post's is. <paramref name="back"/> is the page the form is on, where the language
    /// switch of a page shown again (with an error) returns; by default the address posted to.
    /// </summary>
    public async Task<WorkspaceVisit> SubmitAsync(
        HttpRequest request,
        WorkspaceSection section,
        WorkspaceRoles needs = WorkspaceRoles.None,
        int maxBytes = MaxFormBytes,
        string? back = null
    )
    {
        SeenAsTheBrowserSent(request);
        var user = await WorkspaceSession.ReadAsync(request.HttpContext);
        var valid = await FormIsOwnAsync(request, maxBytes);
        var shell = Shell(request, user, section) is var here && back is not null ? here with { Path = back } : here;
        if (user is null)
        {
            return new(shell, SignInFirst(request));
        }

        return new(shell, valid ? Forbidden(shell, user, needs) : Expired(shell));
    }

    /// <summary>A page for someone not signed in (the sign-in page), and whether the form they posted, if any, came
    /// from it.</summary>
    public async Task<(WorkspaceShell Shell, bool FormValid)> AnonymousAsync(HttpRequest request)
    {
        SeenAsTheBrowserSent(request);
        var valid = HttpMethods.IsPost(request.Method) && await FormIsOwnAsync(request, MaxFormBytes);
        return (Shell(request, null, WorkspaceSection.None), valid);
    }

    /// <summary>The answer to a form whose token did not hold.</summary>
    public static IResult Expired(WorkspaceShell shell) =>
        WorkspacePageResult.Status(
            StatusCodes.Status400BadRequest,
            WorkspaceMessage.Render(shell, TextId.WorkspaceFormExpired)
        );

    /// <summary>The answer for an address under the workspace that names nothing (a campaign or lead not
    /// there).</summary>
    public static IResult NotFound(WorkspaceShell shell) =>
        WorkspacePageResult.Status(
            StatusCodes.Status404NotFound,
            WorkspaceMessage.Render(shell, TextId.WorkspaceNotFound)
        );

    public static string LanguageOf(HttpRequest request)
    {
        if (request.Cookies[LanguageCookie] is { } chosen && Texts.Languages.Contains(chosen))
        {
            return chosen;
        }

        var accepted = request
            .GetTypedHeaders()
            .AcceptLanguage.Select(l => (l.Value.Value ?? string.Empty, l.Quality ?? 1.0));
        return PreferredLanguage.Of(accepted);
    }

    /// <summary>
    /// On Azure (<see cref="WorkspaceOptions.AlwaysSecure"/>) the browser's request came over https, which App Service
    /// ends before the Functions host passes it on: the worker sees plain HTTP. Said so, the session's and the form
    /// token's cookies are Secure and the anti-forgery check holds them to it.
    /// </summary>
    private void SeenAsTheBrowserSent(HttpRequest request)
    {
        if (options.Value.AlwaysSecure)
        {
            request.Scheme = Uri.UriSchemeHttps;
        }
    }

    /// <summary>
    /// Whether the posted form is no larger than <paramref name="maxBytes"/> and carries this workspace's token (in
    /// its field, matching its cookie and the person signed in). The body is read once, into memory; the function
    /// then reads <see cref="HttpRequest.Form"/>.
    /// </summary>
    private async Task<bool> FormIsOwnAsync(HttpRequest request, int maxBytes)
    {
        if (!request.HasFormContentType)
        {
            return false;
        }

        var body = await RequestBody.ReadAsync(request, maxBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return false;
        }

        request.Body = new MemoryStream(body, writable: false);
        return await antiforgery.IsRequestValidAsync(request.HttpContext);
    }

    private WorkspaceShell Shell(HttpRequest request, WorkspaceUser? user, WorkspaceSection section) =>
        new(
            LanguageOf(request),
            user,
            section,
            $"{request.PathBase}{request.Path}{request.QueryString}",
            antiforgery.GetAndStoreTokens(request.HttpContext).RequestToken ?? string.Empty
        );

    private static IResult? Forbidden(WorkspaceShell shell, WorkspaceUser user, WorkspaceRoles needs) =>
        needs == WorkspaceRoles.None || user.Can(needs)
            ? null
            : WorkspacePageResult.Status(
                StatusCodes.Status403Forbidden,
                WorkspaceMessage.Render(shell, TextId.WorkspaceForbidden)
            );

    private static SeeOtherResult SignInFirst(HttpRequest request) =>
        SignInThenTo(
            HttpMethods.IsGet(request.Method) ? $"{request.PathBase}{request.Path}{request.QueryString}" : null
        );

    /// <summary>To the sign-in page, which comes back to <paramref name="back"/> when it is a workspace page.</summary>
    public static SeeOtherResult SignInThenTo(string? back)
    {
        var query = WorkspacePaths.IsOwn(back) ? $"?returnTo={Uri.EscapeDataString(back!)}" : string.Empty;
        return new SeeOtherResult(new Uri(WorkspacePaths.SignIn + query, UriKind.Relative));
    }
}
