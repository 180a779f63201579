namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// Mailbox providers turn away a sender whose spam complaints reach 0.3 % of what it delivers. A campaign whose spam
/// reports pass <see cref="SpamBrakeRules.Rate"/> of its deliveries over the last day (with at least
/// <see cref="SpamBrakeRules.MinDeliveries"/> of them) pauses itself, saying why (<see cref="Campaign.SpamBrake"/>),
/// until a person resumes it. Looked at on each spam report SendGrid sends, against the counts stored by then (they
/// are committed within a second, so the report that tips it over may be the one after).
/// </summary>
public sealed class SpamBrake(ICampaignStats stats, CampaignSwitch campaigns, SpamBrakeRules rules, TimeProvider time)
{
    /// <summary>What stopped the campaign, when it did; null when it goes on (or was not running).</summary>
    public async Task<SpamBrakeTrip?> CheckAsync(string campaignId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (deliveries, spamReports) = await stats.LastDayAsync(campaignId, now, cancellationToken);
        if (!rules.Trips(deliveries, spamReports))
        {
            return null;
        }

        var trip = new SpamBrakeTrip(now, spamReports, deliveries);
        return await campaigns.BrakeAsync(campaignId, trip, cancellationToken) ? trip : null;
    }
}

/// <summary><c>Nurture:SpamBrakeRate</c>: the share of a day's deliveries reported as spam that pauses a
/// campaign.</summary>
public sealed record SpamBrakeRules(double Rate)
{
    /// <summary>Below this many deliveries in a day a few reports say little.</summary>
    public const int MinDeliveries = 500;

    public static readonly SpamBrakeRules Default = new(0.002);

    public bool Trips(long deliveries, long spamReports) =>
        deliveries >= MinDeliveries && spamReports > Rate * deliveries;
}

/// <summary>Why the spam brake paused a campaign: when, and the last day's spam reports and deliveries.</summary>
public sealed record SpamBrakeTrip(DateTimeOffset At, long SpamReports, long Deliveries);
