using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1, on a port the OS picks, for stand-ins of remote services (SendGrid, a CRM's
/// webhook inbox): <see cref="Create"/>, map the stand-in's routes, then <see cref="StartAsync"/>.
/// </summary>
public static class LoopbackServer
{
    /// <summary>A minimal app that logs nothing (a stand-in's requests are the test's, not worth a line
    /// each).</summary>
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> and answers the address it listens on.</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return AddressOf(app);
    }

    /// <summary>The address a started app listens on (its port chosen by the OS).</summary>
    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
