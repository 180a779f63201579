namespace LeadFunctions.Core.Intake;

/// <summary>Where one kind of CSV import's good rows travel, in batches (<see cref="ImportBatcher{T}"/>).</summary>
public interface ICsvRowQueue<T>
    where T : class
{
    int MaxRowsPerMessage { get; }

    Task EnqueueAsync(string importId, int sequence, IReadOnlyList<T> rows, CancellationToken cancellationToken);
}
