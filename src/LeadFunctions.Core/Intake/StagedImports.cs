using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// An import in two steps, for people who want to see a file read before anything is stored: the upload is kept
/// (<see cref="IImportUploads"/>), previewed as often as the choices change (<see cref="ImportPreview"/>), then
/// imported with the choices last previewed by the API's own importer (<see cref="CsvImporter"/>, the same rows and
/// queues), and its report kept for the result page. An upload not imported goes after <see cref="KeptFor"/>.
/// </summary>
public sealed class StagedImports(
    IImportUploads uploads,
    ImportPreview preview,
    CsvImporter importer,
    IImportBatchQueue leadQueue,
    IConsentImportQueue consentQueue,
    IRandomSource random,
    TimeProvider time
)
{
    /// <summary>How long an upload and its report are kept: a day to come back to a preview.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>128 random bits: the id is all that stands between a person and another's upload.</summary>
    private const int IdLength = 32;

    /// <summary>Whether <paramref name="id"/> could be one of ours; anything else never reaches storage.</summary>
    public static bool IsId(string? id) => id is { Length: IdLength } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Keeps <paramref name="file"/> (at most <see cref="CsvImporter.MaxBodyBytes"/>, which the caller has
    /// checked) under a new id.</summary>
    public async Task<string> StageAsync(ImportTarget target, Stream file, CancellationToken cancellationToken)
    {
        var id = random.NextHex(IdLength);
        await uploads.SaveAsync(id, target, file, cancellationToken);
        return id;
    }

    /// <summary>The upload read as the import would with <paramref name="choices"/>; null when it is gone.</summary>
    public async Task<StagedPreview?> PreviewAsync(
        string id,
        ImportChoices choices,
        CancellationToken cancellationToken
    )
    {
        await using var staged = await uploads.OpenAsync(id, cancellationToken);
        if (staged is null)
        {
            return null;
        }

        var file = staged.Target.Kind switch
        {
            ImportKind.Leads => await preview.ReadAsync(staged.File, new LeadImportRows(staged.Target.Source), choices),
            _ => await preview.ReadAsync(staged.File, new ConsentImportRows(), choices),
        };
        return new StagedPreview(staged.Target, file);
    }

    /// <summary>
    /// Imports the upload with <paramref name="choices"/>; null when it is gone. Once read to its end, the report is
    /// kept and the upload deleted; a file refused whole stored nothing and stays to be chosen for again, and one
    /// that stopped part way stays too (importing its rows again is safe).
    /// </summary>
    public async Task<CsvImportOutcome?> ImportAsync(
        string id,
        ImportChoices choices,
        CancellationToken cancellationToken
    )
    {
        CsvImportOutcome outcome;
        await using (var staged = await uploads.OpenAsync(id, cancellationToken))
        {
            if (staged is null)
            {
                return null;
            }

            outcome = await ImportAsync(staged, choices, cancellationToken);
        }

        if (outcome.Report is { } report)
        {
            await uploads.SaveReportAsync(id, report, cancellationToken);
            await uploads.DeleteAsync(id, cancellationToken);
        }

        return outcome;
    }

    public Task<ImportResult?> ReportAsync(string id, CancellationToken cancellationToken) =>
        uploads.ReadReportAsync(id, cancellationToken);

    /// <summary>Deletes what is older than <see cref="KeptFor"/>; how many.</summary>
    public Task<int> SweepAsync(CancellationToken cancellationToken) =>
        uploads.SweepAsync(time.GetUtcNow() - KeptFor, cancellationToken);

    private Task<CsvImportOutcome> ImportAsync(
        StagedUpload staged,
        ImportChoices choices,
        CancellationToken cancellationToken
    ) =>
        staged.Target.Kind switch
        {
            ImportKind.Leads => importer.ImportAsync(
                staged.File,
                choices,
                new LeadImportRows(staged.Target.Source),
                new LeadRowQueue(leadQueue),
                cancellationToken
            ),
            var kind => importer.ImportAsync(
                staged.File,
                choices,
                new ConsentImportRows(),
                new ConsentRowQueue(consentQueue, fromIys: kind == ImportKind.IysConsent),
                cancellationToken
            ),
        };
}

/// <summary>A kept upload, what it is to be imported as and how it reads.</summary>
public sealed record StagedPreview(ImportTarget Target, PreviewedFile File);
