using LeadFunctions.Core.DataSubjects;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public class ConfirmedErasureTests
{
    private readonly Pipeline pipeline = new();
    private readonly InMemorySuppressionList suppressions = new();

    private ConfirmedErasure Erasure() =>
        new(
            pipeline.Store,
            new LeadEraser(pipeline.Store, pipeline.Updater, suppressions, new NothingElseHeld(), pipeline.Time)
        );

    private async Task<Lead> StoreAsync()
    {
        var lead = LeadDetailPageTests.Lead();
        Assert.Equal(SaveResult.Saved, await pipeline.Store.SaveAsync(LeadChange.Updated(lead, null), default));
        return lead;
    }

    [Theory]
    [InlineData("ayse@example.org")]
    [InlineData("")]
    [InlineData(null)]
    public async Task EraseAsync_AnotherAddress_NothingErased(string? typed)
    {
        var lead = await StoreAsync();

        Assert.Equal(ErasureAnswer.WrongAddress, await Erasure().EraseAsync(lead.Id, typed, default));
        Assert.NotNull(pipeline.Store[lead.Id]);
        Assert.Empty(suppressions.Entries);
    }

    [Fact]
    public async Task EraseAsync_TheLeadsAddress_AsTyped_ErasedAndSuppressed()
    {
        var lead = await StoreAsync();

        Assert.Equal(ErasureAnswer.Erased, await Erasure().EraseAsync(lead.Id, " Ayse@Example.com ", default));
        Assert.Null(pipeline.Store[lead.Id]);
        Assert.Single(suppressions.Entries);
    }

    [Fact]
    public async Task EraseAsync_NoSuchLead_NoLead()
    {
        Assert.Equal(
            ErasureAnswer.NoLead,
            await Erasure().EraseAsync(LeadId.FromEmail("x@example.com"), "x@example.com", default)
        );
    }

    private sealed class NothingElseHeld : IPersonalDataEraser
    {
        public Task<ErasedRows> EraseRowsAsync(Lead lead, CancellationToken cancellationToken) =>
            Task.FromResult(new ErasedRows(0, []));

        public Task<int> EraseMessagesAsync(IReadOnlyList<string> needles, CancellationToken cancellationToken) =>
            Task.FromResult(0);
    }
}
