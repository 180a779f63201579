using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using LeadFunctions.Core.Queues;
using LeadFunctions.Testing;
using LeadFunctions.Testing.Webinars;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Registrants/s through each webinar webhook against a raw enqueue of one message in the same run, as the web form's
/// intake is measured (<see cref="IntakeBenchmark"/>): the processing that follows is switched off, so both sides
/// measure getting a registrant durably onto the queues. Rounds alternate between the raw side and the webhook.
/// </summary>
internal static class WebhookBenchmark
{
    private const int Rounds = 3;
    private const string ZoomSecret = "bench-zoom-secret";
    private const string GenericSecret = "bench-generic-secret";
    private const string TeamsState = "bench-teams-client-state";
    private static int sequence;

    /// <summary>A webhook: its name and one new registrant's signed request.</summary>
    private sealed record Webhook(string Name, Func<HttpRequestMessage> NextRegistrant);

    private static readonly Webhook[] Webhooks =
    [
        new("Zoom", () => ZoomRequests.Sign(ZoomRegistration(Next()), ZoomSecret)),
        new("generic", () => GenericWebinarRequests.Sign(GenericRegistration(Next()), GenericSecret)),
        new("GoTo Webinar", () => GoToWebinarRegistration(Next())),
        new("Livestorm", () =>
            LivestormRequests.Post(LivestormRequests.Person("people.registered", $"livestorm{Next()}@firma.com.tr"))
        ),
        // Graph's notifications carry ids only: what the webhook does is queue them (the Graph read that follows is
        // switched off here, as the lead's processing is).
        new("Microsoft Teams (Graph notifications)", () =>
            TeamsRequests.Post(
                TeamsRequests.RegistrationNotification("sub-1", TeamsState, TeamsRequests.WebinarId, $"r-{Next()}")
            )
        ),
    ];

    private static readonly string[] Settings =
    [
        $"--Webhooks:Zoom:SecretToken={ZoomSecret}",
        $"--Webhooks:Generic:Secret={GenericSecret}",
        $"--Webhooks:Teams:ClientState={TeamsState}",
        GoToWebinarRequests.Setting(),
        LivestormRequests.Setting(),
        "--AzureWebJobs.ProcessTeamsNotification.Disabled=true",
        "--AzureWebJobs.ProcessLeadIntake.Disabled=true",
        "--AzureWebJobs.RecordEngagement.Disabled=true",
    ];

    /// <summary>How many webhooks there are: each is measured on an Azurite of its own (the messages one leaves
    /// behind slow the next down, and after a few minutes of this load the emulator stalls for half a minute).</summary>
    public static int Count => Webhooks.Length;

    /// <summary>The webhook at <paramref name="index"/> against the raw enqueue.</summary>
    public static async Task RunAsync(AzuriteProcess azurite, int index, TimeSpan duration, int workers)
    {
        var webhook = Webhooks[index];
        var prefix = "bw" + Guid.NewGuid().ToString("N")[..8];
        await using var host = new HostProcess([.. azurite.HostSettings(prefix), .. Settings]);
        await host.StartAsync();
        var raw = new QueueClient(azurite.ConnectionString, $"{prefix}-baseline");
        await raw.CreateAsync();
        var body = BinaryData.FromString(ZoomRegistration(0));
        Task<bool> EnqueueAsync() => raw.SendMessageAsync(body).ContinueWith(_ => true, TaskScheduler.Default);
        var queues = new[] { QueueNames.LeadIntake, QueueNames.LeadEvents, QueueNames.TeamsNotifications }
            .Select(q => new QueueClient(azurite.ConnectionString, $"{prefix}-{q}"))
            .Append(raw)
            .ToArray();
        async Task ClearAsync()
        {
            foreach (var queue in queues)
            {
                if (await queue.ExistsAsync())
                {
                    await queue.ClearMessagesAsync();
                }
            }
        }

        {
            Task<bool> PostAsync() => SendAsync(host.Client, webhook.NextRegistrant());
            await Load.ClosedLoopAsync(workers, TimeSpan.FromSeconds(2), PostAsync);
            await Load.ClosedLoopAsync(workers, TimeSpan.FromSeconds(2), EnqueueAsync);
            await ClearAsync();
            var (rawRate, webhookRate) = (0.0, 0.0);
            for (var round = 0; round < Rounds; round++)
            {
                rawRate += await Load.ClosedLoopAsync(workers, duration / Rounds, EnqueueAsync) / Rounds;
                await ClearAsync();
                webhookRate += await Load.ClosedLoopAsync(workers, duration / Rounds, PostAsync) / Rounds;
                await ClearAsync();
            }

            Report.Figure(
                $"webinars: {webhook.Name} webhook registrants/s ÷ raw Azurite enqueue rate",
                webhookRate / rawRate,
                string.Empty,
                "≥ 0.8",
                webhookRate / rawRate >= 0.8
            );
            Report.Note(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{webhook.Name}: {webhookRate:0} registrants/s, raw enqueue {rawRate:0} messages/s, {workers} workers"
                )
            );
        }
    }

    private static int Next() => Interlocked.Increment(ref sequence);

    private static async Task<bool> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted
                ? true
                : throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}.");
        }
    }

    private static string ZoomRegistration(int i) =>
        ZoomRequests.Registration(
            "81234567890",
            $"kayit{i}@firma{i % 50}.com.tr",
            "Ayşe",
            "Işık",
            DateTimeOffset.UtcNow.AddDays(7),
            $"https://zoom.us/w/81234567890?tk=t{i}",
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
        );

    private static HttpRequestMessage GoToWebinarRegistration(int i) =>
        GoToWebinarRequests.Post(
            GoToWebinarRequests.RegistrantAdded(
                $"goto{i}@firma.com.tr",
                registrantKey: (24576065432313000000m + i).ToString(CultureInfo.InvariantCulture)
            )
        );

    private static string GenericRegistration(int i) =>
        JsonSerializer.Serialize(
            new
            {
                @event = "registered",
                platform = "webinarcom",
                webinarId = "w-42",
                webinarTitle = "Ürün turu",
                registrant = new
                {
                    email = $"genel{i}@firma{i % 50}.com.tr",
                    firstName = "Çağrı",
                    lastName = "Öztürk",
                },
            }
        );
}
