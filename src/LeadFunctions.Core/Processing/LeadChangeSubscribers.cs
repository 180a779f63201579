namespace LeadFunctions.Core.Processing;

/// <summary>
/// The one statement of the order in which <see cref="LeadUpdater"/> calls the features' subscribers at each stage of a
/// lead write. The subscribers of one step are called together after the save (each independent of the others), one
/// after the other before it; a step starts when the one before it has ended. Every registered subscriber must be named
/// here, and each name is registered once.
/// </summary>
public static class LeadChangeSubscribers
{
    /// <summary>A lead from before the consent ledger: what it had goes onto the ledger with its next write.</summary>
    public const string LegacyConsent = "consent.legacy-ledger";

    /// <summary>Enrollments the change starts, stops or converts, written with the lead row.</summary>
    public const string NurturePlanning = "campaigns.nurture-planning";

    /// <summary>The due sends of the change's enrollments, indexed before the save.</summary>
    public const string DueSendIndex = "campaigns.due-index";

    /// <summary>The webinar registrations the change's webinar events tell, written before the save.</summary>
    public const string WebinarRegistrations = "webinars.registrations";

    /// <summary>The campaign counters the change moves, added after the save.</summary>
    public const string CampaignStats = "campaigns.stats";

    /// <summary>The referral index, kept current after the save.</summary>
    public const string Referrals = "referrals.index";

    /// <summary>The funnel counters of the stage moves, after the save.</summary>
    public const string Funnel = "reports.funnel";

    /// <summary>The sales handoff an MQL move decided, sent after the write that decided it (or its repeat).</summary>
    public const string SalesHandoff = "sales.handoff";

    public static IReadOnlyList<IReadOnlyList<string>> Order { get; } =
    [
        [LegacyConsent],
        [NurturePlanning],
        [DueSendIndex, WebinarRegistrations],
        [CampaignStats],
        [Referrals, Funnel],
        [SalesHandoff],
    ];

    /// <summary>
    /// <paramref name="subscribers"/> in the steps of <see cref="Order"/>, without the names none of them has.
    /// </summary>
    /// <exception cref="InvalidOperationException">A name is not in the order, or two subscribers have one.</exception>
    public static IReadOnlyList<IReadOnlyList<ILeadChangeSubscriber>> InOrder(
        IEnumerable<ILeadChangeSubscriber> subscribers
    )
    {
        var byName = new Dictionary<string, ILeadChangeSubscriber>(StringComparer.Ordinal);
        foreach (var subscriber in subscribers)
        {
            if (!Order.Any(step => step.Contains(subscriber.Name, StringComparer.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"Lead change subscriber '{subscriber.Name}' "
                        + $"({subscriber.GetType().Name}) has no place in "
                        + $"{nameof(LeadChangeSubscribers)}.{nameof(Order)}"
                );
            }

            if (!byName.TryAdd(subscriber.Name, subscriber))
            {
                throw new InvalidOperationException($"Lead change subscriber '{subscriber.Name}' is registered twice.");
            }
        }

        return
        [
            .. Order
                .Select(step => step.Where(byName.ContainsKey).Select(name => byName[name]).ToList())
                .Where(step => step.Count > 0),
        ];
    }
}
