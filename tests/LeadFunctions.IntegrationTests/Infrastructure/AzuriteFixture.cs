using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>Where a test host finds its storage.</summary>
public interface IAzurite
{
    string ConnectionString { get; }
}

/// <summary>One real Azurite for the whole test assembly; tests isolate themselves by storage name prefix.</summary>
public sealed class AzuriteFixture : IAzurite, IAsyncLifetime, IAsyncDisposable
{
    private readonly AzuriteProcess azurite = new();

    public string ConnectionString => azurite.ConnectionString;

    public Task InitializeAsync() => azurite.StartAsync();

    public Task DisposeAsync() => azurite.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => azurite.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
