using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>The upload form's fields: what the file holds (<c>kind</c>), a lead list's <c>source</c> (the API's
/// query parameter) and the <c>file</c>; read into what it is imported as, by the API's rules.</summary>
public static class ImportUploadForm
{
    public const string KindField = "kind";
    public const string SourceField = "source";
    public const string FileField = "file";

    /// <summary>The kinds offered, by the value the select sends.</summary>
    public static readonly IReadOnlyList<(string Value, ImportKind Kind, TextId Label)> Kinds =
    [
        ("leads", ImportKind.Leads, TextId.ImportsKindLeads),
        ("consent", ImportKind.Consent, TextId.ImportsKindConsent),
        ("iys", ImportKind.IysConsent, TextId.ImportsKindIys),
    ];

    /// <summary>What the file is to be imported as, or null with the field's error added to
    /// <paramref name="errors"/>. An empty source is the API's default.</summary>
    public static ImportTarget? Read(string? kind, string? source, IDictionary<string, TextId> errors)
    {
        if (Kinds.FirstOrDefault(k => k.Value == kind) is not { Value: not null } chosen)
        {
            errors[KindField] = TextId.ImportsKindInvalid;
            return null;
        }

        if (chosen.Kind != ImportKind.Leads)
        {
            return new ImportTarget(chosen.Kind);
        }

        var target = ImportTarget.Leads(string.IsNullOrWhiteSpace(source) ? null : source.Trim());
        if (target is null)
        {
            errors[SourceField] = TextId.ImportsSourceInvalid;
        }

        return target;
    }

    public static TextId LabelOf(ImportKind kind) => Kinds.Single(k => k.Kind == kind).Label;
}
