using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LeadFunctions.Core.Telemetry;

/// <summary>
/// The pipeline's own spans and measurements, through the BCL's <see cref="ActivitySource"/> and <see cref="Meter"/>
/// so that Core needs no OpenTelemetry package: a host subscribes to <see cref="Name"/> when it exports them,
/// and until then starting a span or adding to a counter costs next to nothing. Tags never hold an email,
/// phone or name: a lead is named by its id (a hash).
/// </summary>
public static class LeadTelemetry
{
    public const string Name = "LeadFunctions";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Submissions accepted onto a queue (web form, JSON, webinar, CSV rows).</summary>
    public static readonly Counter<long> LeadsReceived = Meter.CreateCounter<long>(
        "leads.received",
        "{lead}",
        "Submissions accepted and queued for processing."
    );

    /// <summary>Submissions applied to their lead by the intake.</summary>
    public static readonly Counter<long> LeadsProcessed = Meter.CreateCounter<long>(
        "leads.processed",
        "{lead}",
        "Submissions applied to their lead."
    );

    /// <summary>Queue messages moved to their poison queue, tagged with the queue.</summary>
    public static readonly Counter<long> LeadsPoisoned = Meter.CreateCounter<long>(
        "leads.poisoned",
        "{message}",
        "Queue messages moved to a poison queue after their last try."
    );

    /// <summary>Emails SendGrid accepted.</summary>
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>(
        "emails.sent",
        "{email}",
        "Emails SendGrid accepted for delivery."
    );

    /// <summary>Leads delivered to the sales CRM.</summary>
    public static readonly Counter<long> Handoffs = Meter.CreateCounter<long>(
        "handoffs",
        "{handoff}",
        "MQLs delivered to sales."
    );

    /// <summary>How long a message waited on its queue before this try took it, tagged with the queue.</summary>
    public static readonly Histogram<double> QueueMessageAge = Meter.CreateHistogram<double>(
        "queue.message.age",
        "s",
        "Time from a message's insertion to its dequeue."
    );

    /// <summary>The tag that names a queue (its logical name, as docs/reference.md lists them).</summary>
    public const string QueueTag = "messaging.destination.name";
}
