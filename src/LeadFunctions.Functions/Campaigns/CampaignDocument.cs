using System.Text.Json;
using System.Text.Json.Serialization;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// A campaign over HTTP: the written definition (docs/campaigns.md, "A campaign") plus what storage adds (id, archived,
/// updatedAt). GET answers this shape and PUT takes it back; on PUT the three added fields are ignored, except
/// that an id, when sent, must be the route's.
/// </summary>
public sealed record CampaignDocument : CampaignDefinition
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Absent parts stay absent (no "translations": null), so an answer reads like the campaign that was
    /// sent.</summary>
    public static readonly JsonSerializerOptions WriteOptions = new(JsonDefaults.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// A misspelt field ("stopwhen") is refused rather than silently ignored: the campaign would send without it.
    /// </summary>
    private static readonly JsonSerializerOptions ReadOptions = new(JsonDefaults.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public CampaignDocument() { }

    private CampaignDocument(CampaignDefinition definition)
        : base(definition) { }

    public string? Id { get; init; }

    public bool? Archived { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public static CampaignDocument Of(Campaign campaign) =>
        new(CampaignDefinition.From(campaign))
        {
            Id = campaign.Id,
            Archived = campaign.Archived,
            UpdatedAt = campaign.UpdatedAt,
        };

    /// <summary>The campaign as JSON with <paramref name="statusCode"/>.</summary>
    public static IResult Answer(Campaign campaign, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(Of(campaign), WriteOptions, statusCode: statusCode);

    /// <summary>201 with the campaign at <paramref name="location"/>.</summary>
    public static IResult Created(string location, Campaign campaign) =>
        new CreatedAt(location, Answer(campaign, StatusCodes.Status201Created));

    /// <summary>The document in the request body, or the problem to answer (415, 413, 400).</summary>
    public static Task<(CampaignDocument? Document, IResult? Refusal)> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    ) =>
        JsonBody.ReadAsync<CampaignDocument>(
            request,
            MaxBodyBytes,
            maxDepth: 16,
            ReadOptions,
            "a campaign",
            cancellationToken
        );

    /// <summary>An answer with its Location header.</summary>
    private sealed class CreatedAt(string location, IResult answer) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return answer.ExecuteAsync(httpContext);
        }
    }
}
