namespace LeadFunctions.Core.DataSubjects;

/// <summary>Where erasure reaches beyond the lead's partition: the other tables, and the messages waiting in the
/// queues.</summary>
public interface IPersonalDataEraser
{
    /// <summary>
    /// Deletes the person's rows in the other tables (CRM contact, referrals either way, SendGrid events, the İYS
    /// change log, SendGrid events kept aside that name them) and unlinks the CRM opportunity; the anonymous counters
    /// stay. Answers the ids of the leads they referred, whose link to them the caller removes.
    /// </summary>
    Task<ErasedRows> EraseRowsAsync(Leads.Lead lead, CancellationToken cancellationToken);

    /// <summary>Deletes every queued or poisoned message whose body names any of <paramref name="needles"/> (the email,
    /// the lead id); answers how many.</summary>
    Task<int> EraseMessagesAsync(IReadOnlyList<string> needles, CancellationToken cancellationToken);
}

public sealed record ErasedRows(int Rows, IReadOnlyList<string> ReferredLeadIds);
