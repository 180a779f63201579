namespace LeadFunctions.Core.Intake;

/// <summary>
/// Uploads kept between their preview and their import (<see cref="StagedImports"/>), each under an id nobody can
/// guess, and the report of the import made of it. Nothing here is a lead or a consent decision: those are stored
/// only by the import.
/// </summary>
public interface IImportUploads
{
    Task SaveAsync(string id, ImportTarget target, Stream file, CancellationToken cancellationToken);

    /// <summary>The upload and what it is to be imported as, or null when there is none by
    /// <paramref name="id"/>.</summary>
    Task<StagedUpload?> OpenAsync(string id, CancellationToken cancellationToken);

    Task DeleteAsync(string id, CancellationToken cancellationToken);

    Task SaveReportAsync(string id, ImportResult report, CancellationToken cancellationToken);

    Task<ImportResult?> ReadReportAsync(string id, CancellationToken cancellationToken);

    /// <summary>Deletes the uploads and reports last written before <paramref name="before"/>; how many.</summary>
    Task<int> SweepAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>A kept upload, open for reading from its start.</summary>
public sealed record StagedUpload(ImportTarget Target, Stream File) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => File.DisposeAsync();
}
