using System.ComponentModel.DataAnnotations;
using LeadFunctions.Core.Intake;

namespace LeadFunctions.Functions.Intake;

/// <summary>How CSV imports read files.</summary>
public sealed class ImportOptions : IValidatableObject
{
    public const string SectionName = "Import";

    /// <summary>
    /// What a CSV sent with no charset is read as from its first byte that is not UTF-8 (after nothing but ASCII):
    /// Excel's plain "CSV" on Turkish Windows writes Windows-1254. A single-byte encoding, as it takes over mid-file.
    /// </summary>
    [Required]
    public string FallbackEncoding { get; set; } = "windows-1254";

    /// <summary>The import's encoding rule with this fallback (validated on start).</summary>
    public CsvDecoding ToDecoding() => new(CsvCharset.Find(FallbackEncoding)!);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CsvCharset.Find(FallbackEncoding) is not { IsSingleByte: true })
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(FallbackEncoding)}: '{FallbackEncoding}' is not a single-byte encoding this "
                    + $"runtime knows (windows-1254, iso-8859-9, windows-1252 …).",
                [nameof(FallbackEncoding)]
            );
        }
    }
}
