using LeadFunctions.Host.Http;
using LeadFunctions.Host.OpenApi;

namespace LeadFunctions.Host;

/// <summary>The functions' endpoints (FunctionBindings.g.cs, written from their declarations) and the API reference,
/// under the route prefix.</summary>
public static class FunctionRoutes
{
    public static void MapLeadFunctions(this IEndpointRouteBuilder app)
    {
        var api = app.MapFunctionsGroup();
        api.MapFunctions();
        api.MapApiReference();
    }
}
