using Azure.Monitor.OpenTelemetry.Exporter;
using LeadFunctions.Core.Telemetry;
using LeadFunctions.Functions.Webinars;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LeadFunctions.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for either host: traces, metrics and logs, exported over OTLP when the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT is set (and the other OTEL_* settings shape it), to Azure Monitor when
/// APPLICATIONINSIGHTS_CONNECTION_STRING is set (signed in as APPLICATIONINSIGHTS_AUTHENTICATION_STRING says), to both
/// when both are. With neither nothing subscribes, so the spans and counters in the code cost next to nothing.
/// </summary>
public static class TelemetryRegistration
{
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    private const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    /// <summary>Azure SDK clients emit their ActivitySource spans ("Azure.*": table and queue calls) only with this
    /// switch on.</summary>
    private const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>
    /// The clients' operations (TableClient.Query, QueueClient.SendMessage …); their HTTP requests are the HttpClient
    /// instrumentation's spans under them. Not "Azure.*": Azure.Core.Http would say each request a second time.
    /// </summary>
    private const string AzureTablesSources = "Azure.Data.Tables.*";
    private const string AzureStorageSources = "Azure.Storage.*";

    /// <summary>The request span's path: written without a secret the address carries.</summary>
    private const string UrlPathTag = "url.path";

    /// <param name="builder">The host's builder.</param>
    /// <param name="exportLogs">False in the Functions worker: its logs already reach Application Insights through the
    /// Functions host.</param>
    public static IHostApplicationBuilder AddLeadTelemetry(this IHostApplicationBuilder builder, bool exportLogs = true)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorSetting]);
        if (!otlp && !azureMonitor)
        {
            return builder;
        }

        var telemetry = builder.AddLeadTelemetrySdk();
        if (exportLogs)
        {
            telemetry.WithLogging();
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (azureMonitor)
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = builder.Configuration[AzureMonitorSetting];
                options.Credential = AzureMonitorCredential.From(builder.Configuration[AzureMonitorCredential.Setting]);
            });
        }

        return builder;
    }

    /// <summary>The SDK with what it listens to and no exporter; tests add a processor that records the
    /// spans.</summary>
    public static OpenTelemetryBuilder AddLeadTelemetrySdk(this IHostApplicationBuilder builder)
    {
        // Before the first Azure client is built: Azure.Core reads the switch once per process.
        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        var telemetry = builder.Services.AddOpenTelemetry();
        if (string.IsNullOrWhiteSpace(builder.Configuration[ServiceNameSetting]))
        {
            telemetry.ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));
        }

        telemetry
            .WithTracing(tracing =>
                tracing
                    .AddSource(LeadTelemetry.Name, AzureTablesSources, AzureStorageSources)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                        aspNetCore.EnrichWithHttpRequest = (span, request) =>
                        {
                            if (LivestormAddress.Redacted(request.Path.Value) is { } redacted)
                            {
                                span.SetTag(UrlPathTag, redacted);
                            }
                        }
                    )
                    .AddHttpClientInstrumentation()
            )
            .WithMetrics(metrics =>
                metrics.AddMeter(LeadTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
            );
        return telemetry;
    }
}
