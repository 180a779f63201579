using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Leads;
using LeadFunctions.Functions.Telemetry;
using LeadFunctions.IntegrationTests.Consent;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace LeadFunctions.IntegrationTests.Telemetry;

/// <summary>
/// A full run with every log level on and every span recorded: a web form, a JSON submission with double opt-in
/// (so an email goes to SendGrid), a CSV import, an event by email, a read and an export. No log entry (text, state,
/// scopes, exception) and no span (name, tags, events) may carry a person's email, phone in any format, or name.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoPersonalDataTests(AzuriteFixture azurite)
{
    private sealed record Person(string Email, string FirstName, string LastName, string Phone, string NationalDigits)
    {
        /// <summary>The email or its local part, either name, or the phone in any format (its national digits with
        /// separators dropped).</summary>
        public bool AppearsIn(string text)
        {
            string[] values = [Email, Email.Split('@')[0], FirstName, LastName, Phone];
            var digits = new string([.. text.Where(c => !" -().".Contains(c, StringComparison.Ordinal))]);
            return values.Any(value => text.Contains(value, StringComparison.OrdinalIgnoreCase))
                || digits.Contains(NationalDigits, StringComparison.Ordinal);
        }
    }

    private static readonly Person Former = new(
        "gulsen.karabiyikoglu@example.com",
        "Gülşen",
        "Karabıyıkoğlu",
        "+90 532 412 87 65",
        "5324128765"
    );
    private static readonly Person Imported = new(
        "tulay.zeybekoglu@example.org",
        "Tülay",
        "Zeybekoğlu",
        "0533 918 27 46",
        "5339182746"
    );

    [Fact]
    public async Task FullRun_LogsAndSpans_CarryNoEmailPhoneOrName()
    {
        var logs = new LogRecorder();
        var spans = new SpanRecorder();
        await using var sendGrid = await SendGridStandIn.StartAsync();
        await using (
            var host = await TestHost.StartAsync(
                azurite,
                builder =>
                {
                    builder.Logging.AddProvider(logs);
                    builder.AddLeadTelemetrySdk().WithTracing(tracing => tracing.AddProcessor(spans));
                },
                settings:
                [
                    .. sendGrid.HostSettings,
                    "--Consent:DoubleOptIn=web",
                    "--Logging:LogLevel:Default=Trace",
                    "--Logging:LogLevel:Azure=Trace",
                ]
            )
        )
        {
            using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
            caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            await RunAsync(host, sendGrid);
        }

        Assert.True(logs.Entries.Count > 100 && spans.Spans.Count > 20, "The run was recorded.");
        var leaks = logs
            .Entries.Concat(spans.Spans.Select(Describe))
            .Where(text => Former.AppearsIn(text) || Imported.AppearsIn(text));
        Assert.Empty(leaks);
    }

    private static async Task RunAsync(TestHost host, SendGridStandIn sendGrid)
    {
        var formerId = LeadId.FromEmail(Former.Email);
        using (
            var form = await host.Client.PostAsync(
                "/api/leads",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["email"] = Former.Email,
                        ["firstName"] = Former.FirstName,
                        ["lastName"] = Former.LastName,
                        ["phone"] = Former.Phone,
                        ["company"] = "Acme",
                    }
                )
            )
        )
        {
            form.EnsureSuccessStatusCode();
        }

        using (
            var json = await host.Client.PostAsJsonAsync(
                "/api/leads",
                new
                {
                    email = Former.Email,
                    firstName = Former.FirstName,
                    lastName = Former.LastName,
                    phone = Former.Phone,
                    consentEmail = true,
                    consentText = "Yes, email me",
                }
            )
        )
        {
            json.EnsureSuccessStatusCode();
        }

        var csv = new ByteArrayContent(
            Encoding.UTF8.GetBytes(
                $"E-posta;Ad;Soyad;Telefon\r\n{Imported.Email};{Imported.FirstName};{Imported.LastName};{Imported.Phone}\r\n"
            )
        );
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var import = TestHost.WithKey(HttpMethod.Post, "/api/leads/import");
        import.Content = csv;
        (await host.Client.SendAsync(import)).EnsureSuccessStatusCode();

        using var eventRequest = TestHost.WithKey(HttpMethod.Post, "/api/events");
        eventRequest.Content = JsonContent.Create(
            new
            {
                email = Imported.Email,
                type = "demo_request",
                url = "https://www.example.com/demo",
            }
        );
        (await host.Client.SendAsync(eventRequest)).EnsureSuccessStatusCode();

        await Eventually.GetAsync(
            () => Task.FromResult(sendGrid.Accepted.FirstOrDefault(e => e.To == Former.Email)),
            because: "the confirmation email"
        );
        await ConsentHttp.LeadAsync(host, LeadId.FromEmail(Imported.Email), lead => lead.Score.Engagement > 0);
        await ConsentHttp.LeadAsync(host, formerId, lead => lead.Phone is not null);
        using var export = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, $"/api/leads/{formerId}/export")
        );
        export.EnsureSuccessStatusCode();
    }

    private static string Describe(Activity span) =>
        string.Join(
            " | ",
            [
                span.DisplayName,
                span.StatusDescription ?? string.Empty,
                .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
                .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")),
            ]
        );
}
