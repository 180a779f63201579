namespace LeadFunctions.Core.Campaigns;

/// <summary>
/// A campaign's whole definition as sent to be saved under <paramref name="Id"/>, with what the caller said besides:
/// the id the definition names itself (<paramref name="NamedId"/>, which must be <paramref name="Id"/> when given),
/// <paramref name="Confirm"/> (<see cref="CampaignEditor.ConfirmRenamedSteps"/> or nothing) and
/// <paramref name="Missed"/> (a <see cref="MissedChoice"/> or nothing), each as written.
/// </summary>
public sealed record CampaignEdit(
    string Id,
    CampaignDefinition Definition,
    string? NamedId,
    string? Confirm,
    string? Missed
);
