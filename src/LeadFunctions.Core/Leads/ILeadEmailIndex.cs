namespace LeadFunctions.Core.Leads;

/// <summary>
/// The index the search by an address's beginning reads. A new lead's address is written at once to a log the search
/// reads as well; <see cref="CompactAsync"/> folds that log into the index proper, which keeps both small to read.
/// </summary>
public interface ILeadEmailIndex
{
    /// <summary>Folds up to <paramref name="maxAddresses"/> logged addresses into the index.</summary>
    /// <returns>How many were folded in; fewer than asked when the log is drained.</returns>
    Task<int> CompactAsync(int maxAddresses, CancellationToken cancellationToken);
}
