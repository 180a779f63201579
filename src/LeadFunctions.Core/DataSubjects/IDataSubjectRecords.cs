using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.DataSubjects;

/// <summary>
/// Everything held about a person outside their lead's own partition (KVKK art. 11, GDPR art. 15): the CRM records of
/// their conversion, who referred them and whom they referred, SendGrid's events about their emails, the İYS change
/// log and whether their address is suppressed.
/// </summary>
public interface IDataSubjectRecords
{
    Task<IReadOnlyList<HeldRecord>> FindAsync(Lead lead, CancellationToken cancellationToken);
}

/// <summary>One stored row: where it is and what it holds.</summary>
public sealed record HeldRecord(
    string Table,
    string PartitionKey,
    string RowKey,
    IReadOnlyDictionary<string, object?> Values
);
