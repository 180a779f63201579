using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// Reads the body of POST /api/campaigns/{id}/enrollments: {"leadIds":[…]} (1 to 1,000 lead ids) or
/// {"filter":{"stage","source","minScore"}}, exactly one of them, field by field.
/// </summary>
public static class EnrollmentRequestReader
{
    public static (CampaignEnrollmentRequest? Request, Dictionary<string, string[]> Errors) Read(
        string campaignId,
        JsonElement body
    )
    {
        var errors = new Dictionary<string, string[]>();
        var hasIds = body.TryGetProperty("leadIds", out var ids);
        var hasFilter = body.TryGetProperty("filter", out var filter);
        if (hasIds == hasFilter)
        {
            errors["leadIds"] = ["Give either leadIds or filter."];
            return (null, errors);
        }

        if (hasIds)
        {
            var leadIds =
                ids.ValueKind == JsonValueKind.Array
                && ids.EnumerateArray()
                    .All(i => i.ValueKind == JsonValueKind.String && LeadId.IsWellFormed(i.GetString()))
                    ? ids.EnumerateArray().Select(i => i.GetString()!).ToList()
                    : null;
            if (leadIds is not { Count: > 0 and <= CampaignEnrollmentRequest.MaxLeadIds })
            {
                errors["leadIds"] =
                [
                    $"An array of 1 to {CampaignEnrollmentRequest.MaxLeadIds} lead ids (32 lowercase hex digits each).",
                ];
                return (null, errors);
            }

            return (new CampaignEnrollmentRequest(campaignId, leadIds, null), errors);
        }

        var leadFilter = ReadFilter(filter, errors);
        return (leadFilter is null ? null : new CampaignEnrollmentRequest(campaignId, null, leadFilter), errors);
    }

    private static LeadFilter? ReadFilter(JsonElement filter, Dictionary<string, string[]> errors)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            errors["filter"] = ["An object with any of stage, source and minScore."];
            return null;
        }

        LifecycleStage? stage = null;
        if (filter.TryGetProperty("stage", out var stageValue))
        {
            stage =
                stageValue.ValueKind == JsonValueKind.String
                && LifecycleStages.TryParse(stageValue.GetString(), out var parsed)
                    ? parsed
                    : null;
            if (stage is null)
            {
                errors["filter.stage"] = ["One of subscriber, lead, mql, sql, opportunity, customer, disqualified."];
            }
        }

        string? source = null;
        if (filter.TryGetProperty("source", out var sourceValue))
        {
            source = sourceValue.ValueKind == JsonValueKind.String ? sourceValue.GetString() : null;
            if (!LeadSources.IsValid(source))
            {
                errors["filter.source"] = [LeadSources.Rule];
            }
        }

        int? minScore = null;
        if (filter.TryGetProperty("minScore", out var scoreValue))
        {
            minScore = scoreValue.ValueKind == JsonValueKind.Number && scoreValue.TryGetInt32(out var min) ? min : null;
            if (minScore is null)
            {
                errors["filter.minScore"] = ["A whole number."];
            }
        }

        return errors.Count == 0 ? new LeadFilter(stage, source, minScore, null) : null;
    }
}
