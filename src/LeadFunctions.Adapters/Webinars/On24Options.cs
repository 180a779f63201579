using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// The "On24" settings: the account's client id and API token pair, the events to poll, and another API address for
/// tests and local runs. Without a client id, token pair and event ids the poll reads nothing.
/// </summary>
public sealed class On24Options : IValidatableObject
{
    public const string SectionName = "On24";

    /// <summary>ON24's own address (North America); the EU data centre's is https://api.eu.on24.com.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.on24.com");

    /// <summary>The account's client id (a number), as ON24's API dashboard shows it.</summary>
    public string? ClientId { get; set; }

    public string? AccessTokenKey { get; set; }

    public string? AccessTokenSecret { get; set; }

    /// <summary>Another API address (a local stand-in in tests and local runs); ON24's when empty.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The events to poll, by ON24 event id, separated by commas ("4512345,4519876").</summary>
    public string? EventIds { get; set; }

    public bool HasCredentials =>
        !string.IsNullOrWhiteSpace(ClientId)
        && !string.IsNullOrWhiteSpace(AccessTokenKey)
        && !string.IsNullOrWhiteSpace(AccessTokenSecret);

    public IReadOnlyList<string> EventIdList =>
        EventIds?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not null && (!BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult("On24:BaseUrl must be an absolute http(s) URL.", [nameof(BaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(ClientId) && !ClientId.Trim().All(char.IsAsciiDigit))
        {
            yield return new ValidationResult("On24:ClientId is ON24's client id, a number.", [nameof(ClientId)]);
        }

        if (EventIdList.Any(id => id.Length > 20 || !id.All(char.IsAsciiDigit)))
        {
            yield return new ValidationResult(
                "On24:EventIds are ON24 event ids (numbers), separated by commas.",
                [nameof(EventIds)]
            );
        }
    }
}
