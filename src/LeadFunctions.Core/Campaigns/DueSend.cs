namespace LeadFunctions.Core.Campaigns;

/// <summary>A step of an enrollment that falls due at <see cref="DueAt"/>: an entry of the due index and, once due, part of a nurture-send message.</summary>
public sealed record DueSend(string LeadId, string CampaignId, string StepId, DateTimeOffset DueAt);

/// <summary>
/// A nurture-send message: due sends the timer found together, grouped by campaign and step so that each send costs
/// the message a lead id and a due time (about 90 bytes), and one message holds hundreds. <see cref="DispatchId"/>
/// is new for every message queued, so a redelivery of this message recognises a claim it made itself.
/// </summary>
public sealed record NurtureSendBatch(string DispatchId, IReadOnlyList<DueStepSends> Steps)
{
    public static NurtureSendBatch Of(string dispatchId, IEnumerable<DueSend> sends) =>
        new(dispatchId, [.. sends.GroupBy(s => (s.CampaignId, s.StepId)).Select(g => new DueStepSends(g.Key.CampaignId, g.Key.StepId, [.. g.Select(s => new DueLead(s.LeadId, s.DueAt))]))]);

    /// <summary>The message's sends, earliest due first.</summary>
    public IReadOnlyList<DueSend> DueSends() =>
        [.. Steps.SelectMany(step => step.Leads.Select(l => new DueSend(l.LeadId, step.CampaignId, step.StepId, l.DueAt))).OrderBy(s => s.DueAt)];
}

/// <summary>The sends of one message due for one step of one campaign.</summary>
public sealed record DueStepSends(string CampaignId, string StepId, IReadOnlyList<DueLead> Leads);

/// <summary>A lead whose step fell due at <see cref="DueAt"/> (the enrollment's, compared when sending to drop a stale entry).</summary>
public sealed record DueLead(string LeadId, DateTimeOffset DueAt);
