using System.Net;
using System.Net.Sockets;
using LeadFunctions.IntegrationTests.Consent;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Development;

/// <summary>
/// Runtime:LocalMailbox as ./run.sh uses it: the real SendGrid client, pointed through SendGrid:Host at the host
/// itself, delivers a double opt-in confirmation into the mailbox page, the email's HTML shown only inside a sandboxed
/// frame.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalMailboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ConfirmationEmail_LandsInTheMailbox_ShownEscaped_BehindTheFunctionKey()
    {
        var port = FreePort();
        await using var host = await TestHost.StartAsync(
            azurite,
            settings:
            [
                $"--urls=http://127.0.0.1:{port}",
                "--Runtime:LocalMailbox=true",
                $"--SendGrid:Host=http://127.0.0.1:{port}/dev/sendgrid",
                "--SendGrid:ApiKey=local-mailbox-key",
                "--SendGrid:FromEmail=demo@leadfunctions.example",
                "--Consent:DoubleOptIn=all",
            ]
        );

        await ConsentHttp.SubmitAsync(host, "mailbox@example.com");
        var list = await Eventually.GetAsync(
            async () =>
            {
                using var response = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/dev/mailbox"));
                var page = await response.Content.ReadAsStringAsync();
                return page.Contains("mailbox@example.com", StringComparison.Ordinal) ? page : null;
            },
            because: "the confirmation email in the local mailbox"
        );
        var link = System.Text.RegularExpressions.Regex.Match(list, "href=\"mailbox/([0-9a-f]{32})\"").Groups[1].Value;

        using var detail = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, $"/dev/mailbox/{link}"));
        var email = await detail.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("lf_kind", email, StringComparison.Ordinal);
        // The email's own HTML is only inside the sandboxed frame's srcdoc, encoded: none of its tags is the page's.
        Assert.Contains(
            "<iframe sandbox=\"\" style=\"width:100%;height:24em\" srcdoc=\"&lt;",
            email,
            StringComparison.Ordinal
        );
        Assert.Equal(0, System.Text.RegularExpressions.Regex.Count(email, "<a "));

        using var anonymous = await host.Client.GetAsync(new Uri("/dev/mailbox", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Off_ByDefault_NoRoutes()
    {
        await using var host = await TestHost.StartAsync(azurite);
        using var response = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/dev/mailbox"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
