using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Intake;
using LeadFunctions.Functions.Health;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Host.Http;
using LeadFunctions.Host.Queues;

namespace LeadFunctions.Host;

/// <summary>
/// Binds each function class to its trigger on this runtime: the twin of the [Function] wrappers in
/// LeadFunctions.FunctionApp. Routes, levels and queue names must match those.
/// </summary>
public static class LeadFunctionBindings
{
    public static IServiceCollection AddLeadFunctionTriggers(this IServiceCollection services) =>
        services.AddQueueTrigger<ProcessLeadIntakeQueueFunction, LeadSubmission>("ProcessLeadIntake", QueueNames.LeadIntake, (f, m, ct) => f.RunAsync(m, ct));

    public static void MapLeadFunctions(this IEndpointRouteBuilder app)
    {
        var api = app.MapFunctionsGroup();
        api.MapPost("leads", (HttpRequest request, SubmitLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("SubmitLead", AuthorizationLevel.Anonymous);
        api.MapGet("leads/{id}", (HttpRequest request, string id, GetLeadHttpFunction function, CancellationToken ct) => function.RunAsync(request, id, ct))
            .AsFunction("GetLead", AuthorizationLevel.Function);
        api.MapGet("health", (HttpRequest request, GetHealthHttpFunction function, CancellationToken ct) => function.RunAsync(request, ct))
            .AsFunction("GetHealth", AuthorizationLevel.Anonymous);
    }
}
