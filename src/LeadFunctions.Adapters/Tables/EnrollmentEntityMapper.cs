using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Core.Campaigns;

namespace LeadFunctions.Adapters.Tables;

/// <summary>A lead's enrollment in a campaign: the row "n|{campaignId}" of the lead's partition, the enrollment as JSON.</summary>
internal static class EnrollmentEntityMapper
{
    public const string Prefix = "n|";
    private const string PrefixEnd = "n}";

    /// <summary>The enrollment rows, in any partition.</summary>
    public static string Rows { get; } = TableClient.CreateQueryFilter($"RowKey ge {Prefix} and RowKey lt {PrefixEnd}");

    public static string RowKey(string campaignId) => Prefix + campaignId;

    public static bool IsEnrollmentRow(ITableEntity row) => row.RowKey.StartsWith(Prefix, StringComparison.Ordinal);

    public static TableEntity ToEntity(string leadId, Enrollment enrollment) => new(leadId, RowKey(enrollment.CampaignId))
    {
        ["CampaignId"] = enrollment.CampaignId,
        ["Status"] = enrollment.Status.ToString(),
        ["NextDueAt"] = enrollment.NextDueAt,
        ["Enrollment"] = JsonSerializer.Serialize(enrollment, JsonDefaults.Options),
    };

    public static Enrollment ToEnrollment(TableEntity entity) =>
        JsonSerializer.Deserialize<Enrollment>(entity.GetString("Enrollment"), JsonDefaults.Options)
        ?? throw new InvalidDataException($"Enrollment row {entity.PartitionKey}/{entity.RowKey} holds no enrollment.");
}
