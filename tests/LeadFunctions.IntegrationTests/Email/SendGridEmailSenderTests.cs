using System.Diagnostics;
using LeadFunctions.Adapters.Email;
using LeadFunctions.Core.Email;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Email;

/// <summary>The host's IEmailSender (SendGrid client, HttpClientFactory, resilience pipeline) against the SendGrid
/// stand-in.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGridEmailSenderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SendGridStandIn sendGrid = null!;
    private TestHost host = null!;

    private static OutgoingEmail Email =>
        new()
        {
            To = "ayse.yilmaz@example.com",
            ToName = "Ayşe Yılmaz",
            Subject = "Hoş geldiniz Ayşe",
            Html = "<p>Merhaba Ayşe</p>",
            Text = "Merhaba Ayşe",
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = "<https://leads.example/api/unsubscribe?t=abc>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
            CustomArgs = new Dictionary<string, string>
            {
                [MailCustomArgs.LeadId] = "0123456789abcdef0123456789abcdef",
                [MailCustomArgs.Campaign] = "fair-follow-up",
                [MailCustomArgs.Step] = "welcome",
                [MailCustomArgs.SendId] = "send-1",
                [MailCustomArgs.Kind] = "nurture",
            },
            Categories = ["nurture", "fair-follow-up"],
        };

    private IEmailSender Sender => host.Services.GetRequiredService<IEmailSender>();

    public async Task InitializeAsync()
    {
        sendGrid = await SendGridStandIn.StartAsync();
        host = await TestHost.StartAsync(
            azurite,
            settings: [.. sendGrid.HostSettings, "--Nurture:SenderName=LeadFunctions Bülten"]
        );
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await sendGrid.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_Accepted_ArrivesWithEverythingAndReturnsTheMessageId()
    {
        var result = await Sender.SendAsync(Email, CancellationToken.None);

        var sent = Assert.Single(sendGrid.Received);
        Assert.Equal(sent.MessageId, result.MessageId);
        Assert.NotNull(result.MessageId);
        Assert.Equal($"Bearer {SendGridStandIn.ApiKey}", sent.Authorization);
        Assert.Equal(1, sent.Personalizations);
        Assert.Equal(("ayse.yilmaz@example.com", "Ayşe Yılmaz"), (sent.To, sent.ToName));
        Assert.Equal((SendGridStandIn.FromEmail, "LeadFunctions Bülten"), (sent.From, sent.FromName));
        Assert.Equal("Hoş geldiniz Ayşe", sent.Subject);
        Assert.Equal("<p>Merhaba Ayşe</p>", sent.Html);
        Assert.Equal("Merhaba Ayşe", sent.Text);
        Assert.Equal(Email.Headers, sent.Headers);
        Assert.Equal(Email.CustomArgs, sent.CustomArgs);
        Assert.Equal(["nurture", "fair-follow-up"], sent.Categories);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterThenAccepted_WaitsAndSucceedsOnce()
    {
        sendGrid.AnswerNext(1, 429, retryAfter: TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = await Sender.SendAsync(Email, CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"Retried after {clock.Elapsed}, before Retry-After.");
        Assert.Equal([429, 202], sendGrid.Received.Select(e => e.Status));
        Assert.Equal(Assert.Single(sendGrid.Accepted).MessageId, result.MessageId);
    }

    [Fact]
    public async Task SendAsync_500BeyondTheRetries_ThrowsWithTheStatus()
    {
        sendGrid.AnswerNext(SendGridResilience.MaxRetryAttempts + 2, 500);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Sender.SendAsync(Email, CancellationToken.None));

        Assert.Equal((500, EmailSendFailure.Unavailable), (error.Status, error.Failure));
        Assert.Equal(SendGridResilience.MaxRetryAttempts + 1, sendGrid.Received.Count);
        Assert.Empty(sendGrid.Accepted);
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanTheLimit_FailsAtOnceWith429()
    {
        sendGrid.AnswerNext(1, 429, retryAfter: SendGridResilience.MaxRetryAfter + TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Sender.SendAsync(Email, CancellationToken.None));

        Assert.Equal(429, error.Status);
        Assert.Single(sendGrid.Received);
    }

    [Fact]
    public async Task SendAsync_ConnectionDroppedAfterTheRequest_NotSentAgain()
    {
        sendGrid.DropNext(1);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Sender.SendAsync(Email, CancellationToken.None));

        Assert.Null(error.Status);
        Assert.Single(sendGrid.Received);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task SendAsync_GatewayAnswer_NotRetried_MaybeSent(int status)
    {
        sendGrid.AnswerNext(SendGridResilience.MaxRetryAttempts + 2, status);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Sender.SendAsync(Email, CancellationToken.None));

        // A gateway's error may come after SendGrid took the email: trying again could send it twice.
        Assert.Equal((status, EmailSendFailure.MaybeSent), (error.Status, error.Failure));
        Assert.Single(sendGrid.Received);
    }

    [Fact]
    public async Task SendAsync_400WithSendGridsErrors_RefusedForGood_WithTheReason()
    {
        sendGrid.AnswerNext(
            1,
            400,
            body: """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}"""
        );

        var error = await Assert.ThrowsAsync<EmailSendException>(() => Sender.SendAsync(Email, CancellationToken.None));

        Assert.Equal((400, EmailSendFailure.Refused), (error.Status, error.Failure));
        Assert.Equal("The from address does not match a verified Sender Identity.", error.Reason);
        Assert.Single(sendGrid.Received);
    }

    [Fact]
    public async Task SendAsync_WrongApiKey_ThrowsWith401()
    {
        await using var wrongKey = await TestHost.StartAsync(
            azurite,
            settings: [.. sendGrid.HostSettings, "--SendGrid:ApiKey=SG.not-the-key"]
        );

        var error = await Assert.ThrowsAsync<EmailSendException>(() =>
            wrongKey.Services.GetRequiredService<IEmailSender>().SendAsync(Email, CancellationToken.None)
        );

        Assert.Equal(401, error.Status);
        Assert.Single(sendGrid.Received);
    }

    [Theory]
    [InlineData("SendGrid:ApiKey", "--SendGrid:FromEmail=news@leadfunctions.example")]
    [InlineData("SendGrid:FromEmail", "--SendGrid:ApiKey=SG.production-key")]
    public async Task Host_InProductionWithoutAKeyOrSender_DoesNotStart(string missing, string given)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestHost.StartAsync(azurite, settings: ["--environment=Production", given])
        );

        Assert.Contains(
            $"{missing} is required outside Development and Testing",
            error.ToString(),
            StringComparison.Ordinal
        );
    }
}
