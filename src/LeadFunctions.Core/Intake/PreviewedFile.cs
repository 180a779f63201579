namespace LeadFunctions.Core.Intake;

/// <summary>What <see cref="ImportPreview"/> read of a file.</summary>
/// <param name="Encoding">What the bytes are read as, and whether that was chosen or detected.</param>
/// <param name="Delimiter">The delimiter, chosen or detected.</param>
/// <param name="Columns">The header's columns in file order, each with the field it is read as.</param>
/// <param name="Fields">The fields any column can be read as, for choosing (<see cref="ImportChoices.Columns"/>).
/// </param>
/// <param name="Errors">Why the import would refuse the file whole (400), as it says it; none when it would read
/// it.</param>
/// <param name="Rows">The first rows as the import reads them, each with why it would be rejected.</param>
/// <param name="ReachedEnd">The file has no rows beyond <paramref name="Rows"/>.</param>
/// <param name="Stopped">Why reading stopped before the rows asked for (the size limit, a CSV that cannot be
/// read), or null.</param>
public sealed record PreviewedFile(
    ReadEncoding Encoding,
    CsvDelimiter Delimiter,
    IReadOnlyList<PreviewColumn> Columns,
    IReadOnlyList<string> Fields,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyList<PreviewRow> Rows,
    bool ReachedEnd,
    string? Stopped
);

/// <summary>A column of the header: its place (0 for the first, as <see cref="ImportChoices.Columns"/> counts), its
/// name as sent, and the field it is read as, or null for a column not imported.</summary>
public sealed record PreviewColumn(int Index, string Header, string? Field);

/// <summary>A data row as the import reads it: its first line in the file (the header is line 1), its values by field
/// (decoded, unquoted, the first of two columns for one field with a value), and what the import would reject it for;
/// no errors when it would be accepted.</summary>
public sealed record PreviewRow(
    long Line,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string[]> Errors
);
