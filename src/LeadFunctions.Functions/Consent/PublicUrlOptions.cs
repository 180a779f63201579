using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Functions.Consent;

/// <summary><c>Host:PublicBaseUrl</c>: where people reach this app; the links in emails start there.</summary>
public sealed class PublicUrlOptions : IValidatableObject
{
    public const string SectionName = "Host";

    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PublicBaseUrl.IsAbsoluteUri || PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }
    }

    /// <summary>With a trailing slash, so that relative links keep its path.</summary>
    public Uri BaseWithSlash =>
        PublicBaseUrl.AbsoluteUri.EndsWith('/') ? PublicBaseUrl : new Uri(PublicBaseUrl.AbsoluteUri + "/");
}
