using System.Diagnostics;
using System.Net.Http.Json;
using LeadFunctions.Core.Telemetry;
using LeadFunctions.Functions.Telemetry;
using LeadFunctions.IntegrationTests.Infrastructure;
using OpenTelemetry.Trace;

namespace LeadFunctions.IntegrationTests.Telemetry;

/// <summary>One lead's journey is one trace: the HTTP request, the queue hops, the table calls and the email to
/// SendGrid.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TracingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FormWithDoubleOptIn_OneTraceFromRequestThroughQueuesTablesAndSendGrid()
    {
        var spans = new SpanRecorder();
        await using var sendGrid = await SendGridStandIn.StartAsync();
        await using var host = await TestHost.StartAsync(
            azurite,
            builder => builder.AddLeadTelemetrySdk().WithTracing(tracing => tracing.AddProcessor(spans)),
            settings: [.. sendGrid.HostSettings, "--Consent:DoubleOptIn=web"]
        );

        // The caller's own (sampled) trace, so that this test's spans are told apart from those of tests running beside
        // it.
        using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        var traceId = caller.TraceId;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/leads")
        {
            Content = JsonContent.Create(
                new
                {
                    email = "trace.me@example.com",
                    consentEmail = true,
                    consentText = "Yes, email me",
                }
            ),
        };
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();

        // The confirmation function's span ends last: after its email went to SendGrid and was recorded.
        var trace = await Eventually.GetAsync(
            () =>
                Task.FromResult(
                    spans.Spans.Where(s => s.TraceId == traceId).ToList() is var mine && mine.Any(IsConfirmation)
                        ? mine
                        : null
                ),
            because: "the confirmation function's span"
        );

        Assert.Contains(trace, s =>
            s.Source.Name == "Microsoft.AspNetCore"
            && s.Kind == ActivityKind.Server
            && s.GetTagItem("url.path") as string == "/api/leads"
        );
        Assert.Contains(trace, s =>
            s.Source.Name == LeadTelemetry.Name
            && s.Kind == ActivityKind.Producer
            && s.DisplayName == "send lead-intake"
        );
        var intake = Assert.Single(trace, s =>
            s.Source.Name == LeadTelemetry.Name && s.DisplayName == "ProcessLeadIntake"
        );
        Assert.Equal(ActivityKind.Consumer, intake.Kind);
        Assert.Contains(trace, s =>
            s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal) && s.ParentSpanId == intake.SpanId
        );
        Assert.Contains(trace, s =>
            s.Source.Name.StartsWith("Azure.Storage.Queues", StringComparison.Ordinal)
            && s.DisplayName == "QueueClient.SendMessage"
        );
        var confirmation = Assert.Single(trace, IsConfirmation);
        Assert.Contains(trace, s => IsSendGridCall(s) && s.ParentSpanId == confirmation.SpanId);
    }

    private static bool IsConfirmation(Activity span) =>
        span.Source.Name == LeadTelemetry.Name
        && span.DisplayName == "SendConsentConfirmation"
        && span.Kind == ActivityKind.Consumer;

    private static bool IsSendGridCall(Activity span) =>
        span.Kind == ActivityKind.Client
        && span.GetTagItem("url.full") is string url
        && url.Contains("/v3/mail/send", StringComparison.Ordinal);
}
