using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Intake;

/// <summary>What a file is imported as, the API's two imports: a lead list with its source
/// (<c>POST /api/leads/import?source=</c>) or consent decisions, İYS's own or another's
/// (<c>POST /api/consent/import[?origin=iys]</c>).</summary>
public sealed record ImportTarget(ImportKind Kind, string Source = ImportTarget.DefaultSource)
{
    /// <summary>The source of a lead list that names none.</summary>
    public const string DefaultSource = "import";

    /// <summary>A lead list from <paramref name="source"/> (none: <see cref="DefaultSource"/>), or null when the
    /// name breaks <see cref="LeadSources.Rule"/>.</summary>
    public static ImportTarget? Leads(string? source) =>
        LeadSources.IsValid(source ?? DefaultSource) ? new(ImportKind.Leads, source ?? DefaultSource) : null;
}

public enum ImportKind
{
    /// <summary>A lead list (<see cref="LeadImportRows"/>).</summary>
    Leads,

    /// <summary>Consent decisions made elsewhere, exported to İYS as ours (<see cref="ConsentImportRows"/>).</summary>
    Consent,

    /// <summary>Consent decisions downloaded from İYS, never exported back.</summary>
    IysConsent,
}
