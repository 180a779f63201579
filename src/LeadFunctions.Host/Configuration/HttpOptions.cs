namespace LeadFunctions.Host.Configuration;

/// <summary>host.json "extensions.http".</summary>
public sealed class HttpOptions
{
    public const string SectionName = FunctionsConfiguration.HostJsonSection + ":extensions:http";

    /// <summary>"api" by default; "" puts routes at the root, as in Azure Functions.</summary>
    public string RoutePrefix { get; set; } = "api";
}
