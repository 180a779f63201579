using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.EmailEvents;

/// <summary>
/// Acts on a batch of SendGrid events. SendGrid delivers each event at least once, and a failed batch is
/// tried again whole, so every effect is idempotent by an id derived from sg_event_id: the engagement event's
/// id, the consent record's id, the delivery row's key; a suppression keeps its first entry; a campaign step's
/// flag turns on once (<see cref="NurtureEventRecorder"/>). A click is judged (<see cref="LinkScanners"/>) from the
/// batch and from what its campaign step keeps once (delivery time, first click), so a retried batch judges its clicks
/// as before (unless the email's delivered event came in between).
/// </summary>
public sealed class SendGridEventProcessor(
    IEventQueue engagement,
    ISuppressionList suppressions,
    IConsentRecorder consent,
    ISendGridEventLog log,
    NurtureEventRecorder nurture,
    SpamBrake brake,
    TimeProvider time
)
{
    public const string Source = "sendgrid";

    public async Task<SendGridBatchOutcome> ProcessAsync(SendGridEventBatch batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deliveries = new List<SendGridEvent>();
        var unhandled = new List<UnhandledSendGridEvent>();
        var outcome = new SendGridBatchOutcome();
        var events = batch
            .Events.Select(element =>
                (Element: element, Read: SendGridEventReader.TryRead(element, now, out var problem), Problem: problem)
            )
            .ToList();
        var emails = EmailClicks.InBatch([.. events.Select(e => e.Read).OfType<SendGridEvent>()]);
        foreach (var (element, unjudged, problem) in events)
        {
            // A click is told from a link scanner's only with the rest of its email: judged before anything counts it.
            var read = unjudged is { Type: "click" }
                ? await nurture.JudgeClickAsync(unjudged, emails(unjudged), cancellationToken)
                : unjudged;
            var effect = read is null ? SendGridEventEffect.Unhandled : SendGridEventClassifier.Classify(read);
            outcome.Count(effect.Action);
            switch (effect.Action)
            {
                case SendGridEventAction.Engage:
                    await engagement.EnqueueAsync(Engagement(read!, effect.EngagementType!), cancellationToken);
                    break;
                case SendGridEventAction.Suppress:
                    await SuppressAsync(read!, effect.Reason!.Value, cancellationToken);
                    break;
                case SendGridEventAction.RecordDelivery:
                    deliveries.Add(read!);
                    break;
                case SendGridEventAction.Unhandled:
                    unhandled.Add(Unhandled(element, read, problem));
                    break;
            }

            if (read is not null)
            {
                await nurture.RecordAsync(read, cancellationToken);
            }
        }

        await log.RecordDeliveryAsync(deliveries, cancellationToken);
        await log.KeepUnhandledAsync(unhandled, cancellationToken);
        foreach (
            var campaign in events
                .Select(e => e.Read)
                .Where(e => e is { Type: "spamreport", Kind: MailCustomArgs.NurtureKind, Campaign: not null })
                .Select(e => e!.Campaign!)
                .Distinct(StringComparer.Ordinal)
        )
        {
            if (await brake.CheckAsync(campaign, cancellationToken) is { } trip)
            {
                outcome.Braked.Add((campaign, trip));
            }
        }

        return outcome;
    }

    /// <summary>The address first, so that it is never mailed again even if recording the withdrawal fails and is
    /// retried.</summary>
    private async Task SuppressAsync(
        SendGridEvent sendGridEvent,
        SuppressionReason reason,
        CancellationToken cancellationToken
    )
    {
        var evidence = $"{sendGridEvent.Type} {sendGridEvent.EventId} {sendGridEvent.Reason}".TrimEnd();
        await suppressions.SuppressAsync(sendGridEvent.Email, reason, sendGridEvent.At, evidence, cancellationToken);
        await consent.RecordAsync(
            sendGridEvent.Email,
            new ConsentRecord
            {
                Id = "sg-" + sendGridEvent.EventId,
                Action = ConsentAction.Withdrawn,
                Source = ConsentSource.SendGridEvent,
                At = sendGridEvent.At,
                Evidence = evidence,
            },
            cancellationToken
        );
    }

    private static EngagementEvent Engagement(SendGridEvent sendGridEvent, string type)
    {
        var detail = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                detail[key] = value;
            }
        }

        Add("campaign", sendGridEvent.Campaign);
        Add("step", sendGridEvent.Step);
        Add("send", sendGridEvent.SendId);
        return new EngagementEvent
        {
            EventId = StableId.From(Source, sendGridEvent.EventId),
            LeadId = sendGridEvent.LeadId,
            Type = type,
            OccurredAt = sendGridEvent.At,
            Source = Source,
            Url = sendGridEvent.Url,
            Detail = detail,
        };
    }

    private static UnhandledSendGridEvent Unhandled(JsonElement element, SendGridEvent? read, string problem)
    {
        var json = element.GetRawText();
        // An event that could not be read is known by its JSON, which SendGrid sends again as it was.
        var id = read?.EventId ?? "j" + StableId.From(json);
        var why = read is null ? problem : $"unknown event type {read.Type[..Math.Min(read.Type.Length, 50)]}";
        return new UnhandledSendGridEvent(
            id,
            why,
            json.Length <= UnhandledSendGridEvent.MaxJsonLength ? json : json[..UnhandledSendGridEvent.MaxJsonLength]
        );
    }
}

/// <summary>How many events of a batch went which way, and the campaigns the spam brake paused (for the log).</summary>
public sealed class SendGridBatchOutcome
{
    private readonly int[] counts = new int[Enum.GetValues<SendGridEventAction>().Length];

    public List<(string CampaignId, SpamBrakeTrip Trip)> Braked { get; } = [];

    public int this[SendGridEventAction action] => counts[(int)action];

    internal void Count(SendGridEventAction action) => counts[(int)action]++;
}
