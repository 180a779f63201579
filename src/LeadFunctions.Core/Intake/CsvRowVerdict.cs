using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Intake;

/// <summary>What an import makes of a row it read, and so what its preview says of it: a malformed row is refused
/// whole, any other goes to its kind's rule.</summary>
internal static class CsvRowVerdict
{
    public static ValidationResult<T> Of<T>(ICsvRows<T> rows, CsvRow row, string importId, DateTimeOffset receivedAt)
        where T : class =>
        row.Malformed ? ValidationResult.Failure<T>(Malformed(row)) : rows.Validate(row, importId, receivedAt);

    private static Dictionary<string, string[]> Malformed(CsvRow row) =>
        new()
        {
            ["row"] =
            [
                row.LastLine > row.Line
                    ? $"Malformed CSV (an unbalanced quote?): lines {row.Line} to {row.LastLine} were read as one "
                        + $"row and none of them was imported."
                    : "Malformed CSV (an unbalanced quote?).",
            ],
        };
}
