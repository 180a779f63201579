using System.Globalization;
using System.Text.Json;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// SendGrid's Event Webhook for the crash run: a <c>processed</c> event for every mail send the stand-in took,
/// signed as SendGrid signs them, posted to the host in batches each second. A batch the host does not answer 200
/// (killed, starting) is posted again a second later, as SendGrid retries its webhook.
/// </summary>
internal sealed class EventWebhookStandIn(MailSendStandIn mail) : IAsyncDisposable
{
    private readonly SendGridSigner signer = new();
    private readonly CancellationTokenSource stop = new();
    private Task posting = Task.CompletedTask;
    private int posted;

    /// <summary>The host setting that makes it trust these events.</summary>
    public string Setting => signer.Setting;

    /// <summary>Whether every send taken so far has had its event posted.</summary>
    public bool Drained => Volatile.Read(ref posted) >= mail.Received.Count;

    /// <summary>Posts the events of what <paramref name="host"/> sends, whenever it runs, until disposed.</summary>
    public void Start(HostProcess host) => posting = Task.Run(() => PostAsync(host));

    private async Task PostAsync(HostProcess host)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            var sends = mail.Received;
            var from = Volatile.Read(ref posted);
            if (sends.Count == from || !host.IsRunning)
            {
                continue;
            }

            var batch = sends.Skip(from).Take(1000).ToList();
            try
            {
                using var request = signer.Post(Events(batch));
                using var answer = await host.Client.SendAsync(request);
                if (answer.IsSuccessStatusCode)
                {
                    Volatile.Write(ref posted, from + batch.Count);
                }
            }
            catch (HttpRequestException)
            {
                // The host is down or starting: SendGrid tries again, and so does this.
            }
        }
    }

    private static byte[] Events(List<MailSend> sends)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var send in sends)
            {
                json.WriteStartObject();
                json.WriteString("email", send.To);
                json.WriteNumber("timestamp", send.ArrivedAt.ToUnixTimeSeconds());
                json.WriteString("event", "processed");
                json.WriteString(
                    "sg_event_id",
                    $"p-{send.SendId}-{send.ArrivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}"
                );
                foreach (var (name, value) in send.CustomArgs)
                {
                    json.WriteString(name, value);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await posting;
        stop.Dispose();
        signer.Dispose();
    }
}
