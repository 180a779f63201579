using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>The key a request presents, where the Functions host looks for it: the "x-functions-key" header first,
/// then "?code=".</summary>
public static class PresentedKey
{
    public const string HeaderName = "x-functions-key";

    public static string? Of(HttpRequest request) =>
        request.Headers[HeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
}
