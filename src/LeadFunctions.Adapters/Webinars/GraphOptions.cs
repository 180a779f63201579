using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// The "Graph" settings: the Entra ID app registration Teams webinars are read with (client credentials, application
/// permission VirtualEvent.Read.All), and an alternative base address for a local stand-in.
/// </summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string SectionName = "Graph";

    /// <summary>Graph's own v1.0 address.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://graph.microsoft.com/v1.0");

    /// <summary>The application permissions granted to the app registration (client credentials).</summary>
    public const string Scope = "https://graph.microsoft.com/.default";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>An alternative API base address (a local stand-in in tests and local runs); Graph's own when
    /// empty.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Whether the app registration is set; without it no Graph call is made.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(TenantId)
        && !string.IsNullOrWhiteSpace(ClientId)
        && !string.IsNullOrWhiteSpace(ClientSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null && (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("Graph:BaseUrl must be an absolute http(s) URL.", [nameof(BaseUrl)]);
        }
    }
}
