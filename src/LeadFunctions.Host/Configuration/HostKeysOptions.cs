namespace LeadFunctions.Host.Configuration;

/// <summary>Function keys and the master (admin) key, from configuration ("Host:FunctionKeys:*",
/// "Host:MasterKey").</summary>
public sealed class HostKeysOptions
{
    public const string SectionName = "Host";

    public Dictionary<string, string> FunctionKeys { get; init; } = new(StringComparer.Ordinal);

    public string? MasterKey { get; set; }
}
