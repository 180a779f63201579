using System.Net;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.FunctionApp.Tests.Http;

public sealed class ForwardedClientTests
{
    [Theory]
    // The front end appends the client (with its port), the Functions host appends its own peer.
    [InlineData("203.0.113.7:51234, 169.254.129.3", "203.0.113.7")]
    [InlineData("203.0.113.7, 10.0.0.4", "203.0.113.7")]
    // A client that sends its own header cannot choose its partition: the front end's entry is to the right.
    [InlineData("198.51.100.1, 203.0.113.7:443, 127.0.0.1", "203.0.113.7")]
    [InlineData("[2001:db8::7]:443, ::1", "2001:db8::7")]
    [InlineData("2001:db8::7", "2001:db8::7")]
    // Nothing public in the chain: no client known (the peer is the Functions host, not the client).
    [InlineData("10.1.2.3, 192.168.0.1, 172.16.0.1, 100.64.0.1, fd00::1", null)]
    [InlineData("not-an-address", null)]
    [InlineData(null, null)]
    public void Address_ForwardedChain_IsTheRightmostPublicHop(string? forwardedFor, string? expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (forwardedFor is not null)
        {
            context.Request.Headers[ForwardedClient.HeaderName] = forwardedFor;
        }

        Assert.Equal(expected is null ? null : IPAddress.Parse(expected), ForwardedClient.Address(context));
    }

    [Fact]
    public void Address_SeveralHeaderLines_ReadInOrder()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ForwardedClient.HeaderName] = new(["198.51.100.1", "203.0.113.7, 10.0.0.4"]);

        Assert.Equal(IPAddress.Parse("203.0.113.7"), ForwardedClient.Address(context));
    }
}
