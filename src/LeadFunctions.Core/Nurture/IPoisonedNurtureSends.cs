using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Core.Nurture;

/// <summary>nurture-send's poison queue: the messages whose every delivery failed.</summary>
public interface IPoisonedNurtureSends
{
    /// <summary>
    /// Up to <paramref name="max"/> of them, each hidden from the next take for <paramref name="hide"/>; a message
    /// that is not a nurture-send message is left where it is, for a person to look at.
    /// </summary>
    Task<IReadOnlyList<PoisonedNurtureSend>> TakeAsync(int max, TimeSpan hide, CancellationToken cancellationToken);

    Task DeleteAsync(PoisonedNurtureSend message, CancellationToken cancellationToken);
}

/// <summary>A poisoned message and what its deletion needs.</summary>
public sealed record PoisonedNurtureSend(NurtureSendBatch Batch, string MessageId, string Receipt);
