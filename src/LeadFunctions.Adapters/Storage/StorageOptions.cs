using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Adapters.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// Put in front of every queue, table and container name, so that several environments (or test
    /// runs) can share one account. Empty in production, where the names are the ones in docs/reference.md.
    /// </summary>
    [RegularExpression(
        "^([a-z][a-z0-9]{0,15})?$",
        ErrorMessage = "Storage:NamePrefix must be lowercase letters and digits, starting with a letter, at most 16."
    )]
    public string NamePrefix { get; set; } = string.Empty;
}
