using System.Text.Json;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Testing;

namespace LeadFunctions.FunctionApp.Tests.Settings;

/// <summary>Rules of the code that host.json's values must agree with, on Azure and self-hosted alike.</summary>
public sealed class HostJsonTests
{
    [Fact]
    public void QueueBatchSize_IsTheMessagesTheNurtureTimerFillsARunWith()
    {
        using var hostJson = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "host.json"))
        );

        var batchSize = hostJson
            .RootElement.GetProperty("extensions")
            .GetProperty("queues")
            .GetProperty("batchSize")
            .GetInt32();

        Assert.Equal(NurtureScheduler.MessagesPerRun, batchSize);
    }
}
