namespace LeadFunctions.Core.Health;

/// <summary>
/// Tells storage failing from anything else, for answers that differ (a 503 that says to try again); implemented
/// by the storage adapter, which knows what its SDK throws.
/// </summary>
public interface IStorageFailures
{
    /// <summary>Whether <paramref name="exception"/> says storage was unreachable or failed a request.</summary>
    bool IsUnavailable(Exception exception);
}
