using LeadFunctions.Functions;
using LeadFunctions.Functions.Telemetry;
using LeadFunctions.Host.Development;
using LeadFunctions.Host.Http;
using LeadFunctions.Host.OpenApi;

namespace LeadFunctions.Host;

/// <summary>Builds the self-hosted app; tests use the same two steps and may add triggers in between.</summary>
public static class LeadFunctionsHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddSelfHostedRuntime();
        builder.AddLeadTelemetry();
        builder.AddLeadPipeline();
        builder.Services.AddFunctionTriggers().AddFunctionListeners().AddApiReference();
        builder.Services.AddLocalMailbox(builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseRuntimeProblems();
        app.UseIntakeProtection();
        app.MapLeadFunctions();
        app.MapLocalMailbox();
        return app;
    }
}
