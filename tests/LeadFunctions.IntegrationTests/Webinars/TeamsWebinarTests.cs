using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Functions.Webinars;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing.Webinars;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Webinars;

/// <summary>
/// Teams webinars through Microsoft Graph, on the real host against Azurite and a Graph stand-in (a real HTTP server):
/// the handshake, clientState, a webinar followed by the admin route (Graph's handshake on our webhook first), a
/// registration notified and read from Graph, the renewal by the timer on a shifted clock, and the attendance after
/// the end. The payloads follow Graph's pages (see <see cref="TeamsRequests"/>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsWebinarTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ClientState = "teams-client-state-8f0c1d2e3a4b5c6d";

    private readonly ShiftedClock clock = new();
    private GraphStandIn graph = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        graph = await GraphStandIn.StartAsync();
        host = await StartAsync(ClientState);
        graph.DeliverTo = host.Client.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await graph.DisposeAsync();
    }

    private Task<TestHost> StartAsync(string? clientState) =>
        TestHost.StartAsync(
            azurite,
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddKeyedSingleton<TokenCredential>(
                    WebinarsRegistration.GraphCredentialKey,
                    GraphStandIn.Credential
                );
            },
            settings:
            [
                .. graph.HostSettings,
                $"--Webhooks:Teams:ClientState={clientState}",
                "--Host:PublicBaseUrl=https://leads.example.com.tr/",
                "--AzureWebJobs.TrackTeamsWebinars.Disabled=true",
            ]
        );

    private DateTimeOffset Now => clock.GetUtcNow();

    private static DateTimeOffset Date(string written) =>
        DateTimeOffset.Parse(written, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> FollowAsync(string webinarId = TeamsRequests.WebinarId)
    {
        using var request = TestHost.WithKey(
            HttpMethod.Post,
            $"/api/webinars/teams/{Uri.EscapeDataString(webinarId)}/subscription",
            TestHost.MasterKey
        );
        return await host.Client.SendAsync(request);
    }

    private Task<TeamsSubscription?> FollowedAsync(string webinarId = TeamsRequests.WebinarId) =>
        host.Services.GetRequiredService<ITeamsSubscriptionStore>().GetAsync(webinarId, CancellationToken.None);

    private Task TrackAsync() =>
        host
            .Services.GetRequiredService<TrackTeamsWebinars>()
            .RunAsync(new TimerRunInfo(false, null, null), CancellationToken.None);

    private async Task<int> QueuedAsync(string queue) =>
        (await host.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private Task QueuesEmptyAsync() =>
        Eventually.TrueAsync(
            async () =>
                await QueuedAsync(QueueNames.TeamsNotifications) == 0
                && await QueuedAsync(QueueNames.LeadIntake) == 0
                && await QueuedAsync(QueueNames.LeadEvents) == 0,
            because: "the queues drained"
        );

    private Task<LeadSnapshot> LeadAsync(string email) =>
        host.Services.GetRequiredService<ILeadStore>().LoadAsync(LeadId.FromEmail(email), CancellationToken.None);

    private Task<EngagementEvent> EventAsync(string email, string type) =>
        Eventually.GetAsync(
            async () => (await LeadAsync(email)).Events.FirstOrDefault(e => e.Type == type),
            because: $"{type} of {email}"
        );

    private void AddWebinar(TimeSpan endsIn) =>
        graph.AddWebinar(
            TeamsRequests.WebinarId,
            "Pazarlama Otomasyonu 101",
            Now + endsIn - TimeSpan.FromHours(1),
            Now + endsIn
        );

    [Fact]
    public async Task Handshake_EchoesTheToken_AsPlainText()
    {
        using var response = await host.Client.SendAsync(TeamsRequests.Validation("Validation: Token <1> & 2+3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Validation: Token <1> & 2+3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutClientState_HandshakeAndNotificationsRefused()
    {
        await using var unset = await StartAsync(clientState: null);
        using var handshake = await unset.Client.SendAsync(TeamsRequests.Validation("token"));
        using var notification = await unset.Client.SendAsync(
            TeamsRequests.Post(TeamsRequests.RegistrationNotification("s1", "", TeamsRequests.WebinarId, "r1"))
        );

        Assert.Equal(HttpStatusCode.Unauthorized, handshake.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notification.StatusCode);
        Assert.Equal(0, await QueuedAsync(QueueNames.TeamsNotifications));
    }

    [Fact]
    public async Task ForgedClientState_401_NothingQueued_NoGraphRead()
    {
        AddWebinar(TimeSpan.FromDays(2));
        graph.AddRegistration(TeamsRequests.WebinarId, "r-forged", "mallory@example.com", "Mallory", "X");
        var forged = TeamsRequests.RegistrationNotification("s1", "not-our-state", TeamsRequests.WebinarId, "r-forged");
        var good = TeamsRequests.RegistrationNotification("s1", ClientState, TeamsRequests.WebinarId, "r-forged");
        var mixed = good.Replace("]}", "," + forged[(forged.IndexOf('[') + 1)..], StringComparison.Ordinal);
        using var wrong = await host.Client.SendAsync(TeamsRequests.Post(forged));
        using var oneWrong = await host.Client.SendAsync(TeamsRequests.Post(mixed));
        using var missing = await host.Client.SendAsync(
            TeamsRequests.Post(forged.Replace("\"clientState\":\"not-our-state\",", "", StringComparison.Ordinal))
        );

        Assert.All([wrong, oneWrong, missing], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await QueuedAsync(QueueNames.TeamsNotifications));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(graph.Calls);
        Assert.Null((await LeadAsync("mallory@example.com")).Lead);
    }

    [Fact]
    public async Task NotGraphsShape_400_NothingQueued()
    {
        using var noValue = await host.Client.SendAsync(TeamsRequests.Post("""{"values":[]}"""));
        using var notJson = await host.Client.SendAsync(TeamsRequests.Post("{\"value\":["));

        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await QueuedAsync(QueueNames.TeamsNotifications));
    }

    [Fact]
    public async Task Follow_SubscribesAfterGraphsHandshake_AndRegistersThoseAlreadyRegistered()
    {
        AddWebinar(TimeSpan.FromDays(2));
        graph.AddRegistration(TeamsRequests.WebinarId, "r1", "Cagri.Isik@Acme.com.tr", "Çağrı", "Işık");
        graph.AddRegistration(TeamsRequests.WebinarId, "r2", "ayse@acme.com.tr", "Ayşe", "Yılmaz");
        graph.AddRegistration(TeamsRequests.WebinarId, "r3", "waiting@acme.com.tr", "Bekleyen", "Kişi", "waitlisted");

        using var response = await FollowAsync();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (id, subscription) = Assert.Single(graph.Subscriptions);
        Assert.Equal(id, body.GetProperty("subscriptionId").GetString());
        Assert.Equal("Pazarlama Otomasyonu 101", body.GetProperty("title").GetString());
        Assert.Equal(
            $"solutions/virtualEvents/webinars/{TeamsRequests.WebinarId}/registrations",
            (string?)subscription["resource"]
        );
        Assert.Equal("created,updated", (string?)subscription["changeType"]);
        Assert.Equal(ClientState, (string?)subscription["clientState"]);
        Assert.Equal(
            "https://leads.example.com.tr/api/webhooks/webinars/teams",
            (string?)subscription["notificationUrl"]
        );
        Assert.Equal((string?)subscription["notificationUrl"], (string?)subscription["lifecycleNotificationUrl"]);
        var expiresAt = Date((string)subscription["expirationDateTime"]!);
        Assert.InRange(expiresAt, Now + TimeSpan.FromHours(22), Now + TimeSpan.FromDays(1));
        var (token, answer, type) = Assert.Single(graph.Handshakes);
        Assert.Equal(token, answer);
        Assert.Equal("text/plain", type);

        var cagri = await Eventually.GetAsync(async () => (await LeadAsync("cagri.isik@acme.com.tr")).Lead);
        Assert.Equal("Çağrı", cagri.FirstName);
        Assert.Equal("Işık", cagri.LastName);
        Assert.Equal("teams", cagri.SourceDetail["platform"]);
        Assert.Equal(TeamsRequests.WebinarId, cagri.SourceDetail["webinarId"]);
        Assert.Equal("Pazarlama Otomasyonu 101", cagri.SourceDetail["webinarTitle"]);
        await EventAsync("ayse@acme.com.tr", EventTypes.WebinarRegistered);
        await QueuesEmptyAsync();
        Assert.Null((await LeadAsync("waiting@acme.com.tr")).Lead);
    }

    [Fact]
    public async Task Follow_AWebinarGraphDoesNotHave_404_NothingStored()
    {
        using var response = await FollowAsync("00000000-0000-0000-0000-000000000000@" + TeamsRequests.TenantId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(graph.Subscriptions);
        Assert.Null(await FollowedAsync("00000000-0000-0000-0000-000000000000@" + TeamsRequests.TenantId));
    }

    [Fact]
    public async Task Follow_WhenGraphRefuses_502WithGraphsAnswer_NothingStored()
    {
        AddWebinar(TimeSpan.FromDays(2));
        graph.DeliverTo = graph.Address; // no webhook there: Graph's handshake fails, and Graph refuses the subscription

        using var response = await FollowAsync();
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Subscription validation request failed", problem.GetProperty("detail").GetString());
        Assert.Empty(graph.Subscriptions);
        Assert.Null(await FollowedAsync());
    }

    [Fact]
    public async Task Follow_WithoutGraphsAppRegistration_409NamingTheSettings_NoGraphCall()
    {
        AddWebinar(TimeSpan.FromDays(2));
        await using var unset = await TestHost.StartAsync(
            azurite,
            builder => builder.Services.AddSingleton<TimeProvider>(clock),
            settings: [.. graph.HostSettings, $"--Webhooks:Teams:ClientState={ClientState}"]
        );
        var calls = graph.Calls.Count;

        using var request = TestHost.WithKey(
            HttpMethod.Post,
            $"/api/webinars/teams/{TeamsRequests.WebinarId}/subscription",
            TestHost.MasterKey
        );
        using var response = await unset.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Graph:TenantId", problem.GetProperty("detail").GetString());
        Assert.Equal(calls, graph.Calls.Count);
        Assert.Null(await FollowedAsync());
    }

    [Fact]
    public async Task RegistrationNotified_ReadFromGraph_Lead_AndItsReplayChangesNothing()
    {
        AddWebinar(TimeSpan.FromDays(2));
        using (await FollowAsync()) { }
        await QueuesEmptyAsync();
        var subscriptionId = Assert.Single(graph.Subscriptions).Key;
        graph.AddRegistration(
            TeamsRequests.WebinarId,
            "127962bb-84e1-7b62-fd98-1c9d39def7b6",
            "zeynep@acme.com.tr",
            "Zeynep",
            "Öztürk"
        );
        var notification = TeamsRequests.RegistrationNotification(
            subscriptionId,
            ClientState,
            TeamsRequests.WebinarId,
            "127962bb-84e1-7b62-fd98-1c9d39def7b6"
        );

        using var first = await host.Client.SendAsync(TeamsRequests.Post(notification));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await EventAsync("zeynep@acme.com.tr", EventTypes.WebinarRegistered);
        await QueuesEmptyAsync();
        var before = await LeadAsync("zeynep@acme.com.tr");
        var reads = graph.Calls.Count(c =>
            c.EndsWith("/registrations/127962bb-84e1-7b62-fd98-1c9d39def7b6", StringComparison.Ordinal)
        );

        using var replayed = await host.Client.SendAsync(TeamsRequests.Post(notification)); // Graph retries when unsure
        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
        await Eventually.TrueAsync(() =>
            Task.FromResult(
                graph.Calls.Count(c =>
                    c.EndsWith("/registrations/127962bb-84e1-7b62-fd98-1c9d39def7b6", StringComparison.Ordinal)
                ) > reads
            )
        );
        await QueuesEmptyAsync();
        var after = await LeadAsync("zeynep@acme.com.tr");

        Assert.Equal("Öztürk", after.Lead!.LastName);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Single(after.Events, e => e.Type == EventTypes.WebinarRegistered);
    }

    [Fact]
    public async Task Timer_RenewsBeforeExpiry_RecreatesWhatGraphDropped_AndAnswersReauthorization()
    {
        AddWebinar(TimeSpan.FromDays(5));
        using (await FollowAsync()) { }
        var first = (await FollowedAsync())!;

        await TrackAsync(); // Far from expiry: nothing to do.
        Assert.DoesNotContain(graph.Calls, c => c.StartsWith("PATCH", StringComparison.Ordinal));

        clock.Offset += TimeSpan.FromHours(12); // 11 hours before it expires
        await TrackAsync();
        Assert.Contains($"PATCH /v1.0/subscriptions/{first.SubscriptionId}", graph.Calls);
        var renewed = (await FollowedAsync())!;
        Assert.Equal(first.SubscriptionId, renewed.SubscriptionId);
        Assert.InRange(renewed.ExpiresAt, Now + TimeSpan.FromHours(22), Now + TimeSpan.FromDays(1));
        Assert.Equal(renewed.ExpiresAt, Date((string)graph.Subscriptions[first.SubscriptionId]["expirationDateTime"]!));

        graph.Drop(first.SubscriptionId);
        clock.Offset += TimeSpan.FromHours(12);
        await TrackAsync();
        var recreated = (await FollowedAsync())!;
        Assert.NotEqual(first.SubscriptionId, recreated.SubscriptionId);
        Assert.Equal([recreated.SubscriptionId], graph.Subscriptions.Keys);
        Assert.Equal(2, graph.Handshakes.Count);

        using var lifecycle = await host.Client.SendAsync(
            TeamsRequests.Post(
                TeamsRequests.LifecycleNotification(recreated.SubscriptionId, ClientState, "reauthorizationRequired")
            )
        );
        Assert.Equal(HttpStatusCode.Accepted, lifecycle.StatusCode);
        await Eventually.TrueAsync(() =>
            Task.FromResult(graph.Calls.Contains($"POST /v1.0/subscriptions/{recreated.SubscriptionId}/reauthorize"))
        );
    }

    [Fact]
    public async Task AfterTheEnd_AttendeesAttendedWithMinutes_HostsLeftOut_ThenTheOthersNoShows()
    {
        AddWebinar(TimeSpan.FromHours(2));
        graph.AddRegistration(TeamsRequests.WebinarId, "r1", "cagri@acme.com.tr", "Çağrı", "Işık");
        graph.AddRegistration(TeamsRequests.WebinarId, "r2", "ayse@acme.com.tr", "Ayşe", "Yılmaz");
        using (await FollowAsync()) { }
        await EventAsync("ayse@acme.com.tr", EventTypes.WebinarRegistered);
        await EventAsync("cagri@acme.com.tr", EventTypes.WebinarRegistered);
        var started = Now + TimeSpan.FromHours(1);
        graph.AddAttendance(
            TeamsRequests.WebinarId,
            "host@contoso.com",
            "Frederick Cormier",
            "Organizer",
            3600,
            started
        );
        graph.AddAttendance(
            TeamsRequests.WebinarId,
            "Cagri@Acme.com.tr",
            "Çağrı Işık",
            "Attendee",
            1500,
            started.AddMinutes(5)
        );
        graph.AddAttendance(
            TeamsRequests.WebinarId,
            "cagri@acme.com.tr",
            "Çağrı Işık",
            "Attendee",
            1210,
            started.AddMinutes(40)
        );

        await TrackAsync(); // Not ended yet: no attendance read.
        await QueuesEmptyAsync();
        Assert.DoesNotContain(graph.Calls, c => c.EndsWith("/attendanceRecords", StringComparison.Ordinal));

        clock.Offset += TimeSpan.FromHours(3);
        await TrackAsync();
        var attended = await EventAsync("cagri@acme.com.tr", EventTypes.WebinarAttended);
        Assert.Equal("45", attended.Detail[WebinarAttendance.Minutes]); // 1500 s + 1210 s
        Assert.Equal(started.AddMinutes(5), attended.OccurredAt);
        await Eventually.TrueAsync(async () => (await FollowedAsync())!.AttendanceReadAt is not null);
        await QueuesEmptyAsync();
        Assert.Equal(0, await QueuedAsync(QueueNames.WebinarEndings)); // the end waits a round for the attended
        clock.Offset += TimeSpan.FromMinutes(10);
        await TrackAsync();
        await EventAsync("ayse@acme.com.tr", EventTypes.WebinarMissed); // registered, never joined: a no-show
        await QueuesEmptyAsync();
        await Eventually.TrueAsync(
            async () => await QueuedAsync(QueueNames.WebinarEndings) == 0,
            because: "the end processed"
        );
        Assert.DoesNotContain((await LeadAsync("cagri@acme.com.tr")).Events, e => e.Type == EventTypes.WebinarMissed);
        Assert.Null((await LeadAsync("host@contoso.com")).Lead);
        Assert.DoesNotContain((await LeadAsync("ayse@acme.com.tr")).Events, e => e.Type == EventTypes.WebinarAttended);

        var reads = graph.Calls.Count;
        clock.Offset += TimeSpan.FromHours(12);
        await TrackAsync(); // Read once: no longer renewed, nor read again.
        Assert.Equal(reads, graph.Calls.Count);
    }
}
