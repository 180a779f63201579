using LeadFunctions.Adapters.Campaigns;
using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Tests.Campaigns;

public sealed class CampaignCatalogTests
{
    private static Campaign Named(string name) =>
        new()
        {
            Id = "c1",
            Name = name,
            Steps = [new CampaignStep { Id = "s1", Content = new StepContent("S", "H", "T") }],
        };

    [Fact]
    public async Task Invalidate_WhileAReadIsInFlight_TheNextQuestionReadsAgain()
    {
        using var firstReadStarted = new SemaphoreSlim(0);
        var store = new GatedStore(firstReadStarted);
        using var catalog = new CampaignCatalog(store, TimeProvider.System);

        var inFlight = catalog.FindAsync("c1", default).AsTask();
        await firstReadStarted.WaitAsync(TimeSpan.FromSeconds(5));
        store.Current = Named("after the edit");
        catalog.Invalidate();
        store.ReleaseFirstRead.SetResult(Named("before the edit"));
        Assert.Equal("before the edit", (await inFlight)?.Name);

        Assert.Equal("after the edit", (await catalog.FindAsync("c1", default))?.Name);
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task FindAsync_WithinRefreshAfter_ReadsOnce()
    {
        using var started = new SemaphoreSlim(0);
        var store = new GatedStore(started) { Current = Named("only") };
        store.ReleaseFirstRead.SetResult(Named("only"));
        using var catalog = new CampaignCatalog(store, TimeProvider.System);

        await catalog.FindAsync("c1", default);
        await catalog.ActiveAsync(default);

        Assert.Equal(1, store.Reads);
    }

    /// <summary>The first list waits until the test releases it; later ones answer <see cref="Current"/>.</summary>
    private sealed class GatedStore(SemaphoreSlim firstReadStarted) : ICampaignStore
    {
        public TaskCompletionSource<Campaign> ReleaseFirstRead { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Campaign? Current { get; set; }

        public int Reads { get; private set; }

        public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken)
        {
            if (++Reads == 1)
            {
                firstReadStarted.Release();
                return [await ReleaseFirstRead.Task];
            }

            return [Current!];
        }

        public Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<bool> PutAsync(Campaign campaign, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
