using System.Text.Json;
using System.Text.Json.Serialization;
using LeadFunctions.Adapters;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// A campaign over HTTP: the written definition (API.md "A campaign") plus what storage adds (id, archived,
/// updatedAt). GET answers this shape and PUT takes it back; on PUT the three added fields are ignored, except
/// that an id, when sent, must be the route's.
/// </summary>
public sealed record CampaignDocument : CampaignDefinition
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>A misspelt field ("stopwhen") is refused rather than silently ignored: the campaign would send without it.</summary>
    /// <summary>Absent parts stay absent (no "translations": null), so an answer reads like the campaign that was sent.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new(JsonDefaults.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly JsonSerializerOptions ReadOptions = new(JsonDefaults.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public CampaignDocument()
    {
    }

    private CampaignDocument(CampaignDefinition definition)
        : base(definition)
    {
    }

    public string? Id { get; init; }

    public bool? Archived { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public static CampaignDocument Of(Campaign campaign) =>
        new(CampaignDefinition.From(campaign)) { Id = campaign.Id, Archived = campaign.Archived, UpdatedAt = campaign.UpdatedAt };

    /// <summary>The campaign as JSON with <paramref name="statusCode"/>.</summary>
    public static IResult Answer(Campaign campaign, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(Of(campaign), WriteOptions, statusCode: statusCode);

    /// <summary>The document in the request body, or the problem to answer (415, 413, 400).</summary>
    public static async Task<(CampaignDocument? Document, IResult? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (parsed, refusal) = await JsonBody.ReadObjectAsync(request, MaxBodyBytes, maxDepth: 16, cancellationToken);
        if (parsed is null)
        {
            return (null, refusal);
        }

        using (parsed)
        {
            try
            {
                return (parsed.RootElement.Deserialize<CampaignDocument>(ReadOptions), null);
            }
            catch (JsonException ex)
            {
                return (null, Problems.BadRequest($"The body is not a campaign: {ex.Message}"));
            }
        }
    }
}
