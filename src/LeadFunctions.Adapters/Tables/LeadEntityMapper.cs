using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Adapters.Tables;

/// <summary>Maps leads and timeline entries to rows of the Leads table (partition = lead id).</summary>
internal static class LeadEntityMapper
{
    public const string LeadRowKey = "lead";
    public const string TimelinePrefix = "t|";

    public static TableEntity ToEntity(Lead lead) => new(lead.Id, LeadRowKey)
    {
        ["Email"] = lead.Email,
        ["FirstName"] = lead.FirstName,
        ["LastName"] = lead.LastName,
        ["Company"] = lead.Company,
        ["JobTitle"] = lead.JobTitle,
        ["Phone"] = lead.Phone,
        ["Country"] = lead.Country,
        ["Source"] = lead.Source,
        ["Stage"] = lead.Stage.ToApiName(),
        ["FitScore"] = lead.Score.Fit,
        ["EngagementScore"] = lead.Score.Engagement,
        ["TotalScore"] = lead.Score.Total,
        ["Consent"] = lead.Consent.ToString(),
        ["ConsentText"] = lead.ConsentText,
        ["SourceDetail"] = JsonSerializer.Serialize(lead.SourceDetail, JsonDefaults.Options),
        ["CreatedAt"] = lead.CreatedAt,
        ["UpdatedAt"] = lead.UpdatedAt,
        ["LastSubmittedAt"] = lead.LastSubmittedAt,
    };

    public static Lead ToLead(TableEntity entity) => new()
    {
        Id = entity.PartitionKey,
        Email = entity.GetString("Email"),
        FirstName = entity.GetString("FirstName"),
        LastName = entity.GetString("LastName"),
        Company = entity.GetString("Company"),
        JobTitle = entity.GetString("JobTitle"),
        Phone = entity.GetString("Phone"),
        Country = entity.GetString("Country"),
        Source = entity.GetString("Source"),
        Stage = LifecycleStages.TryParse(entity.GetString("Stage"), out var stage) ? stage : LifecycleStage.Lead,
        Score = new LeadScore(entity.GetInt32("FitScore") ?? 0, entity.GetInt32("EngagementScore") ?? 0),
        Consent = Enum.TryParse<EmailConsent>(entity.GetString("Consent"), out var consent) ? consent : EmailConsent.None,
        ConsentText = entity.GetString("ConsentText"),
        SourceDetail = JsonSerializer.Deserialize<Dictionary<string, string>>(entity.GetString("SourceDetail") ?? "{}", JsonDefaults.Options) ?? [],
        CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        LastSubmittedAt = entity.GetDateTimeOffset("LastSubmittedAt") ?? DateTimeOffset.MinValue,
    };

    /// <summary>Newest first in key order: the row key starts with the inverted tick count.</summary>
    public static TableEntity ToEntity(string leadId, TimelineEntry entry) =>
        new(leadId, TimelineRowKey(entry))
        {
            ["Kind"] = entry.Kind.ToString(),
            ["At"] = entry.At,
            ["Summary"] = entry.Summary,
            ["EntryId"] = entry.Id,
        };

    public static TimelineEntry ToTimelineEntry(TableEntity entity) => new(
        entity.GetString("EntryId"),
        entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        Enum.TryParse<TimelineKind>(entity.GetString("Kind"), out var kind) ? kind : TimelineKind.Submission,
        entity.GetString("Summary"));

    private static string TimelineRowKey(TimelineEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{TimelinePrefix}{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}|{entry.Id}");
}
