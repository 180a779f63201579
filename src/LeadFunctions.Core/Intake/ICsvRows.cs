using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// What one kind of CSV import makes of a file: the columns it reads and how a row is validated, the same for the
/// import (<see cref="CsvImporter"/>) and its preview (<see cref="ImportPreview"/>). Where good rows travel is the
/// import's alone (<see cref="ICsvRowQueue{T}"/>).
/// </summary>
public interface ICsvRows<T>
    where T : class
{
    /// <summary>What is imported, for the log ("leads", "consent").</summary>
    string Kind { get; }

    CsvHeaderMap Columns { get; }

    /// <summary>Fields a file must have a column for; without one it is refused whole (400).</summary>
    IReadOnlyList<string> RequiredColumns { get; }

    ValidationResult<T> Validate(CsvRow row, string importId, DateTimeOffset receivedAt);
}
