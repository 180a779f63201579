using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// What one kind of CSV import makes of a file: the columns it reads, how a row is validated and where its good
/// rows travel. Reading the file (streaming, limits) and the report are <see cref="CsvImporter"/>'s.
/// </summary>
public interface ICsvRows<T>
    where T : class
{
    /// <summary>What is imported, for the log ("leads", "consent").</summary>
    string Kind { get; }

    CsvHeaderMap Columns { get; }

    /// <summary>Fields a file must have a column for; without one it is refused whole (400).</summary>
    IReadOnlyList<string> RequiredColumns { get; }

    int MaxRowsPerMessage { get; }

    ValidationResult<T> Validate(CsvRow row, string importId, DateTimeOffset receivedAt);

    Task EnqueueAsync(string importId, int sequence, IReadOnlyList<T> rows, CancellationToken cancellationToken);
}
