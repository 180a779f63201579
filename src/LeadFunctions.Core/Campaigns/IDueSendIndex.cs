namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// The due index: sends keyed by the minute they fall due, so that the nurture timer reads only the minutes
/// that are due, never the enrollments. An entry is written before the enrollment that it serves (an entry
/// with no matching enrollment is dropped by the send function), so no enrollment waits without one.
/// </summary>
public interface IDueSendIndex
{
    Task AddAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken);
}
