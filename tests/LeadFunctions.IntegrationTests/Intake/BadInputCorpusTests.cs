using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeadFunctions.Core.Queues;
using LeadFunctions.IntegrationTests.Email;
using LeadFunctions.IntegrationTests.Infrastructure;
using LeadFunctions.Testing;

namespace LeadFunctions.IntegrationTests.Intake;

/// <summary>
/// Every intake route, and the consent import, against inputs that must never produce a 5xx or store
/// anything: each answer is a 4xx problem+json and the intake and import queues stay empty.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputCorpusTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private const string Json = "application/json";
    private static readonly string Nested = new string('[', 64) + new string(']', 64);
    private readonly SendGridSigner sendGrid = new();
    private readonly SendGridSigner sendGridForger = new();
    private TestHost host = null!;

    public static TheoryData<string, string, string, string> Corpus() =>
        new()
        {
            // route, content type, body, how it is signed ("" none, "key", "zoom", "zoom-forged", "zoom-stale",
            // "generic", "generic-forged", "sendgrid", "sendgrid-forged", "sendgrid-stale")
            { "/api/leads", Json, "{\"email\":", "" },
            { "/api/leads", Json, "{\"email\":\"a@acme.com\",\"nested\":" + Nested + "}", "" },
            { "/api/leads", Json, "{\"email\":\"a@acme.com\",\"firstName\":\"<script>alert(1)</script>\"}", "" },
            { "/api/leads", Json, "{\"email\":\"a@acme.com\",\"firstName\":\"A\\u0000B\"}", "" },
            { "/api/leads", Json, "{\"email\":\"' or PartitionKey ne '\"}", "" },
            { "/api/leads", Json, "{\"email\":\"a@acme.com\\r\\nBcc: x@evil.com\"}", "" },
            { "/api/leads", Json, "{\"email\":\"a@acme.com\",\"company\":{\"$where\":\"1\"}}", "" },
            { "/api/leads", Json, "\"just a string\"", "" },
            { "/api/leads", Json, "{\"email\":\"a@acme.com\",\"firstName\":\"Ay\\ud83d\"}", "" },
            {
                "/api/leads",
                "multipart/form-data; boundary=XYZ",
                "--XYZ\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@acme.com\r\n",
                ""
            },
            { "/api/leads", "text/plain", "email=a@acme.com", "" },
            { "/api/leads", "application/xml", "<lead/>", "" },
            { "/api/leads", "application/x-www-form-urlencoded", "email=a%40acme.com&firstName=%C3%28", "" },
            {
                "/api/leads",
                "application/x-www-form-urlencoded",
                "email=a%40acme.com&lastName=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                ""
            },
            {
                "/api/leads",
                Json,
                "{\"email\":\"a@acme.com\",\"consentText\":\"" + new string('x', 70_000) + "\"}",
                ""
            },
            { "/api/leads/import", Json, "{\"email\":\"a@acme.com\"}", "key" },
            { "/api/leads/import", "text/csv", "\u00ff\u00fe\u0000garbage\u0001\u0002", "key" },
            { "/api/leads/import", "text/csv", "", "key" },
            { "/api/leads/import", "text/csv", "Email\na@acme.com\n", "" },
            { "/api/leads/import", "text/csv; charset=klingon", "Email\na@acme.com\n", "key" },
            { "/api/consent/import", Json, "{\"email\":\"a@acme.com\",\"status\":\"ONAY\"}", "key" },
            { "/api/consent/import", "text/csv", "Email;Status\na@acme.com;ONAY\n", "key" },
            {
                "/api/consent/import",
                "text/csv; charset=utf-7",
                "Email;Status;Date\na@acme.com;ONAY;2025-03-01 10:00:00\n",
                "key"
            },
            { "/api/consent/import", "text/csv", "Email;Status;Date\na@acme.com;ONAY;2025-03-01 10:00:00\n", "" },
            { "/api/events", Json, "{\"email\":", "key" },
            { "/api/events", Json, "{\"leadId\":\"' or RowKey ne '\",\"type\":\"page_view\"}", "key" },
            {
                "/api/events",
                Json,
                "{\"email\":\"a@acme.com\",\"type\":\"page_view\",\"url\":\"javascript:alert(1)\"}",
                "key"
            },
            { "/api/events", Json, "[" + Nested + "]", "key" },
            { "/api/events", Json, "{\"email\":\"a@acme.com\",\"type\":\"page_view\"}", "" },
            { "/api/webhooks/webinars/zoom", Json, "{\"event\":\"webinar.registration_created\"}", "" },
            { "/api/webhooks/webinars/zoom", Json, "{\"event\":\"webinar.registration_created\"}", "zoom-forged" },
            { "/api/webhooks/webinars/zoom", Json, "{\"event\":\"webinar.registration_created\"}", "zoom-stale" },
            { "/api/webhooks/webinars/zoom", Json, "{\"event\":", "zoom" },
            {
                "/api/webhooks/webinars/zoom",
                Json,
                "{\"event\":\"webinar.registration_created\",\"payload\":" + Nested + "}",
                "zoom"
            },
            {
                "/api/webhooks/webinars/zoom",
                Json,
                "{\"event\":\"webinar.registration_created\",\"payload\":{\"object\":{\"id\":\"' or 1 eq "
                    + "1\",\"registrant\":{\"email\":\"a@acme.com\"}}}}",
                "zoom"
            },
            {
                "/api/webhooks/webinars/zoom",
                Json,
                "{\"event\":\"webinar.participant_joined\",\"payload\":{\"object\":{\"id\":\"1\",\"participant\":{\"email\":\"<script>\"}}}}",
                "zoom"
            },
            {
                "/api/webhooks/webinars/generic",
                Json,
                "{\"event\":\"registered\",\"webinarId\":\"w1\",\"registrant\":{\"email\":\"a@acme.com\"}}",
                ""
            },
            {
                "/api/webhooks/webinars/generic",
                Json,
                "{\"event\":\"registered\",\"webinarId\":\"w1\",\"registrant\":{\"email\":\"a@acme.com\"}}",
                "generic-forged"
            },
            {
                "/api/webhooks/webinars/generic",
                Json,
                "{\"event\":\"unsubscribed\",\"webinarId\":\"w1\",\"registrant\":{\"email\":\"a@acme.com\"}}",
                "generic"
            },
            {
                "/api/webhooks/webinars/generic",
                Json,
                "{\"event\":\"registered\",\"webinarId\":\"w1\",\"webinarTitle\":\"<script>x</script>\",\"registrant\":{\"email\":\"a@acme.com\"}}",
                "generic"
            },
            {
                "/api/webhooks/webinars/generic",
                Json,
                "{\"event\":\"registered\",\"webinarId\":\"w1\",\"registrant\":{\"email\":\"a@\\u0007acme.com\",\"firstName\":\"A\"}}",
                "generic"
            },
            {
                "/api/webhooks/webinars/generic",
                Json,
                "{\"event\":\"registered\",\"webinarId\":\"w1\",\"registrant\":{\"email\":\"a@acme.com\",\"firstName\":\"Ay\\ud83d\"}}",
                "generic"
            },
            {
                "/api/webhooks/webinars/zoom",
                Json,
                "{\"event\":\"webinar.registration_created\",\"payload\":{\"object\":{\"id\":\"1\",\"registrant\":{\"email\":\"a@acme.com\",\"first_name\":\"Ay\\ud83d\"}}}}",
                "zoom"
            },
            { "/api/webhooks/sendgrid", Json, "[{\"event\":\"open\",\"email\":\"a@acme.com\"}]", "" },
            { "/api/webhooks/sendgrid", Json, "[{\"event\":\"open\",\"email\":\"a@acme.com\"}]", "sendgrid-forged" },
            { "/api/webhooks/sendgrid", Json, "[{\"event\":\"open\",\"email\":\"a@acme.com\"}]", "sendgrid-stale" },
            { "/api/webhooks/sendgrid", Json, "{\"event\":\"open\",\"email\":\"a@acme.com\"}", "sendgrid" },
            { "/api/webhooks/sendgrid", Json, "[{\"event\":", "sendgrid" },
            { "/api/webhooks/sendgrid", Json, Nested, "sendgrid" },
        };

    public async Task InitializeAsync() =>
        host = await TestHost.StartAsync(
            azurite,
            settings:
            [
                $"--Webhooks:Zoom:SecretToken={Signed.ZoomSecret}",
                $"--Webhooks:Generic:Secret={Signed.GenericSecret}",
                sendGrid.Setting,
            ]
        );

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose()
    {
        sendGrid.Dispose();
        sendGridForger.Dispose();
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task BadInput_4xxProblem_NothingStored(string route, string contentType, string body, string signing)
    {
        using var request = Build(route, contentType, body, signing);
        using var response = await host.Client.SendAsync(request);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        foreach (
            var queue in new[]
            {
                QueueNames.LeadIntake,
                QueueNames.LeadImport,
                QueueNames.LeadEvents,
                QueueNames.ConsentImport,
                QueueNames.SendGridEvents,
            }
        )
        {
            Assert.Equal(0, (await host.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
    }

    [Fact]
    public async Task InvalidUtf8Bytes_InEveryJsonRoute_400()
    {
        byte[] body = [.. "{\"email\":\"a@acme.com\",\"firstName\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        foreach (var route in new[] { "/api/leads", "/api/events" })
        {
            using var request = TestHost.WithKey(HttpMethod.Post, route);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json);
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var generic = Signed.Generic("placeholder");
        generic.Content = new ByteArrayContent(body);
        generic.Headers.Remove("X-Signature-256");
        generic.Headers.Add(
            "X-Signature-256",
            "sha256="
                + Convert
                    .ToHexString(
                        System.Security.Cryptography.HMACSHA256.HashData(
                            Encoding.UTF8.GetBytes(Signed.GenericSecret),
                            body
                        )
                    )
                    .ToLowerInvariant()
        );
        using var signed = await host.Client.SendAsync(generic);
        Assert.Equal(HttpStatusCode.BadRequest, signed.StatusCode);

        using var sendGridEvents = await host.Client.SendAsync(sendGrid.Post([.. "["u8, .. body, .. "]"u8]));
        Assert.Equal(HttpStatusCode.BadRequest, sendGridEvents.StatusCode);
    }

    private HttpRequestMessage Build(string route, string contentType, string body, string signing)
    {
        var request = signing switch
        {
            "zoom" => Signed.Zoom(body),
            "zoom-forged" => Signed.Zoom(body, secret: "forged"),
            "zoom-stale" => Signed.Zoom(body, at: DateTimeOffset.UtcNow.AddHours(-1)),
            "generic" => Signed.Generic(body),
            "generic-forged" => Signed.Generic(body, secret: "forged"),
            "sendgrid" => sendGrid.Post(body),
            "sendgrid-forged" => sendGridForger.Post(body),
            "sendgrid-stale" => sendGrid.Post(body, DateTimeOffset.UtcNow.AddHours(-1)),
            "key" => TestHost.WithKey(HttpMethod.Post, route),
            _ => new HttpRequestMessage(HttpMethod.Post, route),
        };
        request.RequestUri = new Uri(route, UriKind.Relative);
        request.Content ??= new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(
            contentType.Contains('/', StringComparison.Ordinal) ? contentType : Json
        );
        return request;
    }
}
