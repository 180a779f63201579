using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Consent;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Email;

/// <summary>POST /api/webhooks/sendgrid through the sendgrid-events queue to leads, suppressions and the mail event
/// tables, on the real host and Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGridWebhookTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly SendGridSigner signer = new();
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite, settings: [signer.Setting]);

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => signer.Dispose();

    private static string Ev(
        string type,
        string id,
        string email = "ayse@example.com",
        string extra = "",
        long? timestamp = null
    ) =>
        $$"""{"email":"{{email}}","timestamp":{{timestamp ?? DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}},"event":"{{type}}","sg_event_id":"{{id}}","sg_message_id":"m1.filter0001"{{extra}}}""";

    private static string Array(params string[] events) => "[" + string.Join(",", events) + "]";

    private async Task<int> QueuedAsync(string queue = QueueNames.SendGridEvents) =>
        (await host.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>Both hops done: the webhook's messages and the engagement they queued.</summary>
    private Task SettledAsync() =>
        Eventually.TrueAsync(
            async () => await QueuedAsync() == 0 && await QueuedAsync(QueueNames.LeadEvents) == 0,
            TimeSpan.FromSeconds(60),
            "the queues to empty"
        );

    private async Task<List<TimelineEntryView>> EmailEventsAsync(string leadId) =>
        [
            .. (await host.GetJsonWithKeyAsync<List<TimelineEntryView>>($"/api/leads/{leadId}/timeline") ?? []).Where(
                e => e.Kind == "event" && e.Summary.StartsWith("email_", StringComparison.Ordinal)
            ),
        ];

    private async Task<string> LeadAsync(string email, bool consent = true)
    {
        using var form = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email,
                firstName = "Ayşe",
                consentEmail = consent,
            }
        );
        Assert.Equal(HttpStatusCode.Accepted, form.StatusCode);
        var id = LeadId.FromEmail(email);
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));
        return id;
    }

    private async Task<List<TableEntity>> RowsAsync(string table, string? partition = null) =>
        await host.Table(table)
            .QueryAsync<TableEntity>(
                partition is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            )
            .ToListAsync();

    private async Task<List<SuppressionView>> SuppressionsAsync() =>
        (await host.GetJsonWithKeyAsync<SuppressionPageView>("/api/suppressions?pageSize=1000"))!.Items.ToList();

    [Fact]
    public async Task Webhook_Signed_OpensAndClicksCountDeliveriesRecordedMachineOpensIgnored()
    {
        var lead = await LeadAsync("ayse@example.com");
        var args = $",\"lf_lead\":\"{lead}\",\"lf_send\":\"send-1\",\"lf_campaign\":\"fair\",\"lf_step\":\"welcome\"";

        // The click a minute after the delivery: one in the delivery's second would be a link scanner's.
        using var response = await host.Client.SendAsync(
            signer.Post(
                Array(
                    Ev("processed", "p1", extra: args),
                    Ev("delivered", "d1", extra: args),
                    Ev("open", "o1", extra: args + ",\"sg_machine_open\":true"),
                    Ev("open", "o2", extra: args + ",\"sg_machine_open\":false"),
                    Ev(
                        "click",
                        "c1",
                        extra: args + ",\"url\":\"https://acme.example/pricing\"",
                        timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds()
                    )
                )
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").GetInt32());
        await SettledAsync();
        var events = await EmailEventsAsync(lead);
        Assert.Equal(["email_click", "email_open"], events.Select(e => e.Summary.Split(' ')[0]).Order());
        var deliveries = await RowsAsync(TableNames.MailEvents, "send-1");
        Assert.Equal(["delivered", "processed"], deliveries.Select(r => r.GetString("Event")).Order());
        Assert.All(deliveries, r =>
            Assert.Equal(
                ("fair", "welcome", lead),
                (r.GetString("Campaign"), r.GetString("Step"), r.GetString("LeadId"))
            )
        );
    }

    [Fact]
    public async Task Webhook_SameEventTwice_CountedOnce()
    {
        var lead = await LeadAsync("twice@example.com");
        var open = Ev("open", "same-open", "twice@example.com");

        using var first = await host.Client.SendAsync(signer.Post(Array(open, open)));
        using var again = await host.Client.SendAsync(
            signer.Post(Array(open, Ev("delivered", "same-delivery", "twice@example.com")))
        );
        using var third = await host.Client.SendAsync(
            signer.Post(Array(Ev("delivered", "same-delivery", "twice@example.com")))
        );

        await SettledAsync();
        Assert.Single(await EmailEventsAsync(lead));
        Assert.Single(await RowsAsync(TableNames.MailEvents, lead));
    }

    [Fact]
    public async Task Webhook_ForgedMissingStaleOrChanged_401NothingQueued()
    {
        var body = Encoding.UTF8.GetBytes(Array(Ev("spamreport", "s1")));
        using var otherKey = new SendGridSigner();
        var changed = (byte[])body.Clone();
        // one byte: a closing quote, which would also make it unreadable JSON (the signature is checked first)
        changed[^3] ^= 0x01;
        var unsigned = signer.Post(body);
        unsigned.Headers.Remove("X-Twilio-Email-Event-Webhook-Signature");
        var noTimestamp = signer.Post(body);
        noTimestamp.Headers.Remove("X-Twilio-Email-Event-Webhook-Timestamp");
        var garbage = signer.Post(body);
        garbage.Headers.Remove("X-Twilio-Email-Event-Webhook-Signature");
        garbage.Headers.Add("X-Twilio-Email-Event-Webhook-Signature", "bm90IGEgc2lnbmF0dXJl");
        var otherTimestamp = signer.Post(body);
        otherTimestamp.Headers.Remove("X-Twilio-Email-Event-Webhook-Timestamp");
        otherTimestamp.Headers.Add(
            "X-Twilio-Email-Event-Webhook-Timestamp",
            DateTimeOffset.UtcNow.AddSeconds(-30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
        );

        HttpRequestMessage[] requests =
        [
            otherKey.Post(body),
            unsigned,
            noTimestamp,
            garbage,
            otherTimestamp,
            signer.Post(body, DateTimeOffset.UtcNow.AddMinutes(-11)),
            signer.Post(body, DateTimeOffset.UtcNow.AddMinutes(11)),
            signer.Post(body, send: changed),
        ];
        foreach (var request in requests)
        {
            using (request)
            using (var response = await host.Client.SendAsync(request))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task Webhook_NoKeyConfigured_401()
    {
        await using var unconfigured = await TestHost.StartAsync(azurite);
        using var response = await unconfigured.Client.SendAsync(signer.Post(Array(Ev("open", "o1"))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            0,
            (await unconfigured.Queue(QueueNames.SendGridEvents).GetPropertiesAsync()).Value.ApproximateMessagesCount
        );
    }

    [Theory]
    [InlineData("{\"event\":\"open\",\"sg_event_id\":\"o1\"}")]
    [InlineData("\"events\"")]
    [InlineData("[{\"event\":")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Webhook_SignedButNotAJsonArray_400NothingQueued(string body)
    {
        using var response = await host.Client.SendAsync(signer.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task Webhook_SignedInvalidUtf8_400NothingQueued()
    {
        var body = Encoding.UTF8.GetBytes(Array(Ev("open", "o1"))).Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        using var response = await host.Client.SendAsync(signer.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task Webhook_OverTheLimit_413()
    {
        var body = Encoding.UTF8.GetBytes("[" + new string(' ', 8 * 1024 * 1024) + "]");

        using var response = await host.Client.SendAsync(signer.Post(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task Webhook_TenThousandEventsInOnePost_AllRecorded()
    {
        var events = Enumerable
            .Range(0, 10_000)
            .Select(i =>
                Ev(
                    "delivered",
                    $"bulk-{i}",
                    $"reader{i}@example.com",
                    ",\"lf_send\":\"bulk-send\",\"lf_campaign\":\"bülten\",\"response\":\"250 OK id=abc\""
                )
            );
        var body = Array([.. events]);
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 2_000_000, 8 * 1024 * 1024);

        using var response = await host.Client.SendAsync(signer.Post(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.TrueAsync(
            async () => (await RowsAsync(TableNames.MailEvents, "bulk-send")).Count == 10_000,
            TimeSpan.FromSeconds(120),
            "10,000 delivery rows"
        );
        await SettledAsync();
        Assert.False(await host.Queue(QueueNames.Poison(QueueNames.SendGridEvents)).ExistsAsync());
    }

    [Fact]
    public async Task Webhook_EventsForUnknownLeads_SuppressedByEmailAndEngagementWaits()
    {
        using var response = await host.Client.SendAsync(
            signer.Post(
                Array(
                    Ev(
                        "bounce",
                        "b-hard",
                        "nobody@example.com",
                        ",\"type\":\"bounce\",\"reason\":\"550 5.1.1 nobody@example.com does not exist\""
                    ),
                    Ev("bounce", "b-soft", "busy@example.com", ",\"type\":\"blocked\",\"reason\":\"421 try later\""),
                    Ev("click", "c-later", "later@example.com", ",\"url\":\"https://acme.example/demo\"")
                )
            )
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SettledAsync();

        var suppression = Assert.Single(await SuppressionsAsync());
        Assert.Equal(SuppressionKey.For("nobody@example.com"), suppression.Hash);
        Assert.Equal("hard_bounce", suppression.Reason);
        Assert.Equal("bounce b-hard 550 5.1.1 [address] does not exist", suppression.Evidence);
        Assert.Single(await RowsAsync(TableNames.MailEvents, LeadId.FromEmail("busy@example.com")));

        var later = await LeadAsync("later@example.com");
        await Eventually.TrueAsync(
            async () => (await EmailEventsAsync(later)).Count == 1,
            because: "the waiting click to count"
        );
    }

    [Fact]
    public async Task Webhook_UnreadableOrUnknownEvents_KeptAsideNotRetried()
    {
        using var response = await host.Client.SendAsync(
            signer.Post(
                Array(
                    """{"email":"a@example.com","timestamp":"2026-11-30T10:00:00Z","event":"open","sg_event_id":"bad-date"}""",
                    """{"timestamp":1796039400,"event":"open","sg_event_id":"no-email"}""",
                    Ev("group_resubscribe", "resub"),
                    "42"
                )
            )
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var kept = await Eventually.GetAsync(
            async () => await RowsAsync(TableNames.SendGridUnhandled) is { Count: 4 } rows ? rows : null,
            because: "4 unhandled rows"
        );
        Assert.Contains(kept, r =>
            r.PartitionKey == "resub" && r.GetString("Why") == "unknown event type group_resubscribe"
        );
        Assert.Contains(kept, r =>
            r.GetString("Json").Contains("bad-date", StringComparison.Ordinal)
            && r.GetString("Why").Contains("timestamp", StringComparison.Ordinal)
        );
        await SettledAsync();
        Assert.Empty(await SuppressionsAsync());
        Assert.Equal(0, await QueuedAsync(QueueNames.LeadEvents));
        Assert.False(await host.Queue(QueueNames.Poison(QueueNames.SendGridEvents)).ExistsAsync());
    }

    [Fact]
    public async Task Webhook_SpamReport_SuppressesAndWithdrawsTheLeadsConsent()
    {
        var lead = await LeadAsync("spam@example.com");
        Assert.Equal("granted", (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{lead}"))!.Consent.Email);

        // The ledger orders decisions by when they were made: the report comes after the grant, as a real one does.
        var reportedAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1;
        using var response = await host.Client.SendAsync(
            signer.Post(Array(Ev("spamreport", "spam-1", "Spam@Example.com", $",\"lf_lead\":\"{lead}\"", reportedAt)))
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Eventually.TrueAsync(
            async () => (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{lead}"))!.Consent.Email == "withdrawn",
            because: "consent withdrawn"
        );
        var suppression = Assert.Single(await SuppressionsAsync());
        Assert.Equal(
            (SuppressionKey.For("spam@example.com"), "spam_report", "spamreport spam-1"),
            (suppression.Hash, suppression.Reason, suppression.Evidence)
        );
    }

    [Fact]
    public async Task Webhook_UnsubscribeForSomeoneNotYetALead_WithdrawnWhenTheyBecomeOne()
    {
        using var response = await host.Client.SendAsync(
            signer.Post(Array(Ev("group_unsubscribe", "unsub-1", "soon@example.com")))
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SettledAsync();
        Assert.Equal("unsubscribed", Assert.Single(await SuppressionsAsync()).Reason);

        var lead = await LeadAsync("soon@example.com", consent: false);

        Assert.Equal("withdrawn", (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{lead}"))!.Consent.Email);
    }

    [Fact]
    public async Task Suppressions_PagedListAndLiftingNeedsTheAdminKey()
    {
        using var response = await host.Client.SendAsync(
            signer.Post(
                Array(
                    Ev("dropped", "drop-1", "one@example.com", ",\"reason\":\"Bounced Address\""),
                    Ev("bounce", "hard-2", "two@example.com", ",\"type\":\"bounce\"")
                )
            )
        );
        await Eventually.TrueAsync(async () => (await SuppressionsAsync()).Count == 2, because: "two suppressions");

        var first = (await host.GetJsonWithKeyAsync<SuppressionPageView>("/api/suppressions?pageSize=1"))!;
        var second = (
            await host.GetJsonWithKeyAsync<SuppressionPageView>(
                $"/api/suppressions?pageSize=1&continuationToken={first.ContinuationToken}"
            )
        )!;
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(
            new[] { SuppressionKey.For("one@example.com"), SuppressionKey.For("two@example.com") }.Order(),
            first.Items.Concat(second.Items).Select(i => i.Hash).Order()
        );
        using var anonymous = await host.Client.GetAsync("/api/suppressions");
        using var badPage = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/suppressions?pageSize=0")
        );
        using var badToken = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/suppressions?continuationToken=%%%")
        );
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);

        var hash = SuppressionKey.For("one@example.com");
        using var withFunctionKey = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, $"/api/suppressions/{hash}")
        );
        using var notAHash = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, "/api/suppressions/ONE", TestHost.MasterKey)
        );
        Assert.Equal(HttpStatusCode.Unauthorized, withFunctionKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAHash.StatusCode);
        Assert.Equal(2, (await SuppressionsAsync()).Count);

        using var lifted = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, $"/api/suppressions/{hash}", TestHost.MasterKey)
        );
        using var again = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, $"/api/suppressions/{hash}", TestHost.MasterKey)
        );
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal([SuppressionKey.For("two@example.com")], (await SuppressionsAsync()).Select(s => s.Hash));
    }
}
