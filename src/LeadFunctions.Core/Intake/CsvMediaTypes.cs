namespace LeadFunctions.Core.Intake;

/// <summary>
/// The media types a CSV file comes as: what tools send for a .csv (Excel on Windows says
/// application/vnd.ms-excel) and plain text. The API's import and the workspace's upload accept the same ones.
/// </summary>
public static class CsvMediaTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "text/csv",
        "application/csv",
        "text/plain",
        "application/vnd.ms-excel",
    ];

    /// <summary>Whether <paramref name="mediaType"/> (without parameters) is one of <see cref="All"/>.</summary>
    public static bool IsCsv(string? mediaType) =>
        mediaType is not null && All.Any(t => t.Equals(mediaType.Trim(), StringComparison.OrdinalIgnoreCase));
}
