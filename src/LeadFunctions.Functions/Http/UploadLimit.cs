using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LeadFunctions.Functions.Http;

/// <summary>The server's own limit on one request's body, raised for an upload that has a larger limit of its
/// own (Kestrel's default is 30 MB), so that our limit is the one that answers.</summary>
public static class UploadLimit
{
    public static void Raise(HttpRequest request, long maxBytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }
}
