using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.FunctionApp.Tests.Http;

public sealed class IntakeRateLimitTests
{
    [Fact]
    public async Task For_PastThePermitsOfOneAddress_RejectedWith429AndRetryAfter_OthersStillAdmitted()
    {
        using var limiter = PartitionedRateLimiter.Create<IPAddress, string>(address =>
            IntakeRateLimit.For(address, permitsPerMinute: 2)
        );
        var client = IPAddress.Parse("203.0.113.7");

        var admitted = Enumerable
            .Range(0, 3)
            .Select(_ =>
            {
                using var lease = limiter.AttemptAcquire(client);
                return lease.IsAcquired;
            })
            .ToList();
        using var rejected = limiter.AttemptAcquire(client);
        using var other = limiter.AttemptAcquire(IPAddress.Parse("198.51.100.9"));
        var answer = await Answered.ExecuteAsync(IntakeRateLimit.Rejected(rejected));

        Assert.Equal([true, true, false], admitted);
        Assert.True(other.IsAcquired);
        Assert.Equal(StatusCodes.Status429TooManyRequests, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.InRange(int.Parse(answer.RetryAfter!, CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(
            "Too many submissions from this address; try again later.",
            answer.Body.GetProperty("detail").GetString()
        );
    }

    [Fact]
    public void For_UnknownAddress_SharesOnePartition()
    {
        using var limiter = PartitionedRateLimiter.Create<IPAddress?, string>(address =>
            IntakeRateLimit.For(address, permitsPerMinute: 1)
        );

        using var first = limiter.AttemptAcquire(null);
        using var second = limiter.AttemptAcquire(null);

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
    }
}
