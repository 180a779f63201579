using System.Text.Json.Serialization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// A nurture-send message: due sends the timer found together, grouped by campaign and step so that each send costs
/// the message a lead id and a due time (about 90 bytes), and one message holds hundreds. <see cref="DispatchId"/>
/// is new for every message queued, so a redelivery of this message recognises a claim it made itself; a message
/// handed on in halves (<see cref="Halves"/>) or re-driven from the poison queue (<see cref="Redrive"/>) recognises
/// the claims of the messages it came from (<see cref="Earlier"/>).
/// </summary>
public sealed record NurtureSendBatch(
    string DispatchId,
    IReadOnlyList<DueStepSends> Steps,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Earlier = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Redriven = 0
)
{
    public static NurtureSendBatch Of(
        string dispatchId,
        IEnumerable<DueSend> sends,
        IReadOnlyList<string>? earlier = null
    ) =>
        new(
            dispatchId,
            [
                .. sends
                    .GroupBy(s => (s.CampaignId, s.StepId))
                    .Select(g => new DueStepSends(
                        g.Key.CampaignId,
                        g.Key.StepId,
                        [.. g.Select(s => new DueLead(s.LeadId, s.DueAt))]
                    )),
            ],
            earlier
        );

    /// <summary>Whether a claim made by <paramref name="dispatchId"/> is this message's own: made by an earlier
    /// delivery of it, or of a message it came from.</summary>
    public bool Owns(string? dispatchId) => dispatchId == DispatchId || (Earlier?.Contains(dispatchId) ?? false);

    /// <summary>The sends in two new messages (new dispatch ids) that own this one's claims and keep its re-drive
    /// count.</summary>
    public (NurtureSendBatch First, NurtureSendBatch Second) Halves(string firstId, string secondId)
    {
        var (sends, earlier) = (DueSends(), (IReadOnlyList<string>)[.. Earlier ?? [], DispatchId]);
        return (
            Of(firstId, sends.Take(sends.Count / 2), earlier) with
            {
                Redriven = Redriven,
            },
            Of(secondId, sends.Skip(sends.Count / 2), earlier) with
            {
                Redriven = Redriven,
            }
        );
    }

    /// <summary>This message's sends again, as a new message that owns its claims and counts one more
    /// re-drive.</summary>
    public NurtureSendBatch Redrive(string dispatchId) =>
        new(dispatchId, Steps, [.. Earlier ?? [], DispatchId], Redriven + 1);

    /// <summary>The message's sends, earliest due first.</summary>
    public IReadOnlyList<DueSend> DueSends() =>
        [
            .. Steps
                .SelectMany(step =>
                    step.Leads.Select(l => new DueSend(l.LeadId, step.CampaignId, step.StepId, l.DueAt))
                )
                .OrderBy(s => s.DueAt),
        ];
}

/// <summary>The sends of one message due for one step of one campaign.</summary>
public sealed record DueStepSends(string CampaignId, string StepId, IReadOnlyList<DueLead> Leads);

/// <summary>A lead whose step fell due at <see cref="DueAt"/> (the enrollment's, compared when sending to drop a stale
/// entry).</summary>
public sealed record DueLead(string LeadId, DateTimeOffset DueAt);
