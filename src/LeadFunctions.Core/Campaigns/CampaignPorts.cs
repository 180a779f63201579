using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>Where campaign definitions are kept (the Campaigns table).</summary>
public interface ICampaignStore
{
    Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the campaign; true when it was new.</summary>
    Task<bool> PutAsync(Campaign campaign, CancellationToken cancellationToken);

    /// <summary>Every campaign, archived ones too (campaigns are few: one query).</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>The campaigns as the pipeline sees them: read often (every lead change, every send), so served from a
/// cache.</summary>
public interface ICampaignCatalog
{
    /// <summary>Every campaign that is active and not archived.</summary>
    ValueTask<IReadOnlyList<Campaign>> ActiveAsync(CancellationToken cancellationToken);

    /// <summary>One campaign, archived or inactive too.</summary>
    ValueTask<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Forgets what was read, after a campaign was written, so the next question reads again.</summary>
    void Invalidate();
}

/// <summary>
/// The due index: sends keyed by the minute they fall due, so that the nurture timer reads only the minutes
/// that are due, never the enrollments. An entry is written before the enrollment that it serves (an entry
/// with no matching enrollment is dropped by the send function), so no enrollment waits without one.
/// </summary>
public interface IDueSendIndex
{
    Task AddAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken);

    /// <summary>
    /// The entries due by <paramref name="dueBy"/> that are still in the index, page by page: every minute before its
    /// minute however long ago (an entry written late, by a writer whose clock is behind or whose write a storage
    /// brownout held back, lands in a minute already passed and must still be found), and of its minute only the
    /// entries due by it. Entries are taken out once queued, so rows read are about the sends due.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<IndexedDueSend>> ReadDueAsync(
        DateTimeOffset dueBy,
        CancellationToken cancellationToken
    );

    /// <summary>Takes entries out once their sends are queued (an entry already gone is no error).</summary>
    Task RemoveAsync(IReadOnlyList<IndexedDueSend> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Puts sends of a paused campaign aside, each with its own due time (which its enrollment still names), in a
    /// place per campaign that the timer never reads: nothing is rewritten while the campaign stays paused. The
    /// entries they came from are the caller's to remove. Holding a send twice keeps one entry.
    /// </summary>
    Task HoldAsync(IReadOnlyList<DueSend> sends, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="max"/> of the campaign's held sends, earliest due first;
    /// <see cref="RemoveAsync"/> takes them out.</summary>
    Task<IReadOnlyList<IndexedDueSend>> ReadHeldAsync(string campaignId, int max, CancellationToken cancellationToken);
}

/// <summary>A due send as the index holds it; <see cref="Key"/> is the index's own name for the entry.</summary>
public sealed record IndexedDueSend(DueSend Send, string Key);

/// <summary>The time zone a person reads their email in: from their phone number, else their country, else
/// <c>Nurture:DefaultTimeZone</c>.</summary>
public interface IRecipientTimeZones
{
    TimeZoneInfo ZoneOf(Lead lead);
}
