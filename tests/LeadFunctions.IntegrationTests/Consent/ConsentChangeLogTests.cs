using LeadFunctions.Adapters.Health;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Consent;

[Collection(AzuriteCollection.Name)]
public sealed class ConsentChangeLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestHost host = null!;

    // The queue listeners' polling and the timers count too: off, so that the log's own operations are counted.
    public async Task InitializeAsync() =>
        host = await TestHost.StartAsync(
            azurite,
            settings: FunctionsOff.Settings(typeof(QueueFunctionAttribute), typeof(TimerFunctionAttribute))
        );

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Append_ManyAtOnce_AllStored_InFarFewerOperationsThanRows()
    {
        var log = host.Services.GetRequiredService<IConsentChangeLog>();
        var counter = host.Services.GetRequiredService<StorageOperationCounter>();
        var now = DateTimeOffset.UtcNow;
        var records = Enumerable
            .Range(0, 150)
            .Select(i =>
                (
                    Email: $"person{i}@example.com",
                    Record: new ConsentRecord
                    {
                        Id = $"r{i}",
                        Action = ConsentAction.Granted,
                        At = now,
                        Source = ConsentSource.Form,
                    }
                )
            )
            .ToList();

        // The same row twice among them: written once.
        records.Add(records[0]);
        var before = counter.Total;
        await Task.WhenAll(records.Select(r => log.AppendAsync(r.Email, r.Record, now, default)));
        var operations = counter.Total - before;

        var stored = await log.ReadAsync(now.AddMinutes(-1), now.AddMinutes(1), default).ToListAsync();
        Assert.Equal(150, stored.Count);
        Assert.Equal(150, stored.Select(c => c.Email).Distinct().Count());
        // Two transactions (100 + 50 rows) and what else the host does meanwhile (its listeners and timers are
        // off); written one by one, the rows alone would be 151 operations.
        Assert.InRange(operations, 2, 40);
    }
}
