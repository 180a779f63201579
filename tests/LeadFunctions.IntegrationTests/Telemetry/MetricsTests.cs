using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Telemetry;
using LeadFunctions.IntegrationTests.Consent;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Telemetry;

/// <summary>The LeadFunctions meter counts a lead's way through; the meter is process-wide, so counts are at least this
/// test's.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MetricsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FormWithDoubleOptIn_CountsReceivedProcessedSent_RecordsQueueAge()
    {
        var totals = new ConcurrentDictionary<string, double>();
        var queues = new ConcurrentDictionary<string, bool>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LeadTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value)
        );
        listener.SetMeasurementEventCallback<double>(
            (instrument, value, tags, _) =>
            {
                totals.AddOrUpdate(instrument.Name, 1, (_, count) => count + 1);
                foreach (var tag in tags)
                {
                    queues[$"{tag.Key}={tag.Value}"] = true;
                }
            }
        );
        listener.Start();

        await using var sendGrid = await SendGridStandIn.StartAsync();
        await using var host = await TestHost.StartAsync(
            azurite,
            settings: [.. sendGrid.HostSettings, "--Consent:DoubleOptIn=web"]
        );
        await ConsentHttp.SubmitAsync(host, "counted@example.com");
        await Eventually.GetAsync(
            () => Task.FromResult(sendGrid.Accepted.FirstOrDefault(e => e.To == "counted@example.com")),
            because: "the confirmation email"
        );
        await ConsentHttp.LeadAsync(host, LeadId.FromEmail("counted@example.com"));

        Assert.True(totals.GetValueOrDefault("leads.received") >= 1, "leads.received");
        Assert.True(totals.GetValueOrDefault("leads.processed") >= 1, "leads.processed");
        Assert.True(totals.GetValueOrDefault("emails.sent") >= 1, "emails.sent");
        Assert.True(totals.GetValueOrDefault("queue.message.age") >= 2, "queue.message.age");
        Assert.Contains($"{LeadTelemetry.QueueTag}=consent-confirmation", queues.Keys);
    }
}
