using LeadFunctions.Core.Intake;

namespace LeadFunctions.Core.Tests.Intake;

public class LimitedReadStreamTests
{
    [Fact]
    public async Task Read_UpToTheLimit_Passes_PastIt_Throws()
    {
        await using var within = new LimitedReadStream(new MemoryStream(new byte[100]), 100);
        Assert.Equal(100, await CountAsync(within));

        await using var over = new LimitedReadStream(new MemoryStream(new byte[101]), 100);
        await Assert.ThrowsAsync<BodyTooLargeException>(() => CountAsync(over));
    }

    private static async Task<int> CountAsync(Stream stream)
    {
        var buffer = new byte[7];
        int read,
            total = 0;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
