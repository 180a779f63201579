using Azure.Core.Serialization;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Text;
using LeadFunctions.FunctionApp;
using LeadFunctions.Functions;
using LeadFunctions.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// After the ASP.NET Core integration's own middleware, so that the HttpContext is there and the answers it sets are
// executed.
builder.UseMiddleware<HttpRulesMiddleware>();

// A queue function's span continues the trace its message carries.
builder.UseMiddleware<QueueTraceMiddleware>();

// Queue messages bind with the same JSON options the self-hosted runtime and the producers use.
builder.Services.Configure<WorkerOptions>(options =>
    options.Serializer = new JsonObjectSerializer(JsonDefaults.Options)
);

// Spans and metrics; the worker's logs already go to Application Insights through the Functions host.
builder.AddLeadTelemetry(exportLogs: false);
builder.AddLeadPipeline();
builder.Build().Run();
