using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests;

public class LeadIntakeProcessorTests
{
    private readonly InMemoryLeadStore store = new();
    private readonly LeadIntakeProcessor processor;

    public LeadIntakeProcessorTests() => processor = new LeadIntakeProcessor(store, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));

    private static LeadSubmission Submission(string id, string? company = null) => new()
    {
        SubmissionId = id,
        ReceivedAt = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero),
        Email = "ayse@example.com",
        Company = company,
        Source = "web",
    };

    [Fact]
    public async Task ProcessAsync_SameSubmissionTwice_OneLeadOneSave()
    {
        Assert.Equal(IntakeOutcome.Created, await processor.ProcessAsync(Submission("s1"), default));
        Assert.Equal(IntakeOutcome.Duplicate, await processor.ProcessAsync(Submission("s1"), default));
        Assert.Equal(1, store.Saves);
    }

    [Fact]
    public async Task ProcessAsync_SecondSubmission_MergesIntoSameLead()
    {
        await processor.ProcessAsync(Submission("s1"), default);
        Assert.Equal(IntakeOutcome.Merged, await processor.ProcessAsync(Submission("s2", "Acme"), default));
        Assert.Equal("Acme", store[LeadId.FromEmail("ayse@example.com")]?.Company);
    }

    [Fact]
    public async Task ProcessAsync_LeadChangedMeanwhile_RereadsAndSaves()
    {
        await processor.ProcessAsync(Submission("s1"), default);
        var conflicts = 2;
        store.BeforeSave = s =>
        {
            if (conflicts-- > 0)
            {
                s.Touch(LeadId.FromEmail("ayse@example.com"));
            }
        };

        Assert.Equal(IntakeOutcome.Merged, await processor.ProcessAsync(Submission("s2", "Acme"), default));
        Assert.Equal("Acme", store[LeadId.FromEmail("ayse@example.com")]?.Company);
    }

    [Fact]
    public async Task ProcessAsync_LeadKeepsChanging_GivesUpSoTheMessageIsRetried()
    {
        await processor.ProcessAsync(Submission("s1"), default);
        store.BeforeSave = s => s.Touch(LeadId.FromEmail("ayse@example.com"));
        await Assert.ThrowsAsync<ConcurrencyException>(() => processor.ProcessAsync(Submission("s2"), default));
    }
}
