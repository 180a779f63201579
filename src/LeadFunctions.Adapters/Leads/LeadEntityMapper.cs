using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Consent;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Engagement;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Adapters.Leads;

/// <summary>Maps leads and timeline entries to rows of the Leads table (partition = lead id).</summary>
internal static class LeadEntityMapper
{
    /// <summary>
    /// The lead's own row is "lead|{id}": with the id in it, no two partitions share a row key, so a
    /// lookup that narrows by row key first (Azurite's does) finds one row, not every lead.
    /// </summary>
    public const string LeadRowPrefix = "lead|";
    public const string TimelinePrefix = "t|";

    /// <summary>Engagement events: "e|" sorts before "lead|", "r|" and "t|".</summary>
    public const string EventPrefix = "e|";

    /// <summary>"r|{id}": a submission or event with this id was received (see LeadTableStore.SaveAsync).</summary>
    public const string ReceivedPrefix = "r|";

    /// <summary>
    /// "waiting|{id}": rewritten by every event kept for a person who is not a lead yet, and checked by the
    /// write that creates the lead (see LeadTableStore.SaveAsync). With the id in the key for the same
    /// reason as the lead row's: one "waiting" key in every partition made Azurite's seeding of 100,000
    /// leads ten times slower.
    /// </summary>
    public const string WaitingRowPrefix = "waiting|";

    /// <summary>The id of the save that wrote the row last, on one row of each save (see LeadTableStore.SaveAsync).
    /// </summary>
    public const string WriteId = "WriteId";

    /// <summary>The lead's normalized address, on its row.</summary>
    public const string EmailColumn = "Email";

    public static string LeadRowKey(string leadId) => LeadRowPrefix + leadId;

    public static string WaitingRowKey(string leadId) => WaitingRowPrefix + leadId;

    public static TableEntity ToEntity(Lead lead, IReadOnlyList<Enrollment> enrollments)
    {
        var entity = LeadRow(lead);
        ConsentEntityMapper.WriteState(entity, lead.Consent);
        EnrollmentEntityMapper.Write(entity, enrollments);
        return entity;
    }

    private static TableEntity LeadRow(Lead lead) =>
        new(lead.Id, LeadRowKey(lead.Id))
        {
            [EmailColumn] = lead.Email,
            ["FirstName"] = lead.FirstName,
            ["LastName"] = lead.LastName,
            ["Company"] = lead.Company,
            ["JobTitle"] = lead.JobTitle,
            ["Phone"] = lead.Phone,
            ["Country"] = lead.Country,
            ["Industry"] = lead.Industry,
            ["CompanySize"] = lead.CompanySize,
            ["Source"] = lead.Source,
            ["Stage"] = lead.Stage.ToApiName(),
            ["DisqualifyReason"] = lead.DisqualifyReason,
            ["Grade"] = lead.Grade,
            ["Temperature"] = lead.Temperature.ToApiName(),
            ["Enrichment"] = Json(lead.Enrichment),
            ["Conversion"] = Json(lead.Conversion),
            ["PendingHandoff"] = Json(lead.PendingHandoff),
            ["FitScore"] = lead.Score.Fit,
            ["EngagementScore"] = lead.Score.Engagement,
            ["TotalScore"] = lead.Score.Total,
            ["RecipientType"] = lead.RecipientType.ToString(),
            ["Language"] = lead.Language,
            ["LastNurtureAt"] = lead.LastNurtureAt,
            ["ReferredBy"] = lead.ReferredBy,
            ["LastEventAt"] =
                lead.LastEventAt.Count == 0 ? null : JsonSerializer.Serialize(lead.LastEventAt, JsonDefaults.Options),
            ["SourceDetail"] = JsonSerializer.Serialize(lead.SourceDetail, JsonDefaults.Options),
            ["CreatedAt"] = lead.CreatedAt,
            ["UpdatedAt"] = lead.UpdatedAt,
            ["LastSubmittedAt"] = lead.LastSubmittedAt,
        };

    public static Lead ToLead(TableEntity entity)
    {
        var lead = LeadFrom(entity);
        return lead with { Consent = ConsentEntityMapper.ReadState(entity, lead.CreatedAt) };
    }

    private static Lead LeadFrom(TableEntity entity) =>
        new()
        {
            Id = entity.PartitionKey,
            Email = entity.GetString(EmailColumn),
            FirstName = entity.GetString("FirstName"),
            LastName = entity.GetString("LastName"),
            Company = entity.GetString("Company"),
            JobTitle = entity.GetString("JobTitle"),
            Phone = entity.GetString("Phone"),
            Country = entity.GetString("Country"),
            Industry = entity.GetString("Industry"),
            CompanySize = entity.GetInt32("CompanySize"),
            Source = entity.GetString("Source"),
            Stage = LifecycleStages.TryParse(entity.GetString("Stage"), out var stage) ? stage : LifecycleStage.Lead,
            DisqualifyReason = entity.GetString("DisqualifyReason"),
            Grade = entity.GetString("Grade") ?? "D",
            Temperature = Temperatures.TryParse(entity.GetString("Temperature"), out var temperature)
                ? temperature
                : Temperature.Cold,
            Enrichment = FromJson<LeadEnrichment>(entity.GetString("Enrichment")),
            Conversion = FromJson<Conversion>(entity.GetString("Conversion")),
            PendingHandoff = FromJson<PendingHandoff>(entity.GetString("PendingHandoff")),
            Score = new LeadScore(entity.GetInt32("FitScore") ?? 0, entity.GetInt32("EngagementScore") ?? 0),
            RecipientType = Enum.TryParse<RecipientType>(entity.GetString("RecipientType"), out var recipientType)
                ? recipientType
                : RecipientType.Individual,
            Language = entity.GetString("Language"),
            LastNurtureAt = entity.GetDateTimeOffset("LastNurtureAt"),
            ReferredBy = entity.GetString("ReferredBy"),
            LastEventAt = FromJson<Dictionary<string, DateTimeOffset>>(entity.GetString("LastEventAt")) ?? [],
            SourceDetail = FromJson<Dictionary<string, string>>(entity.GetString("SourceDetail")) ?? [],
            CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            LastSubmittedAt = entity.GetDateTimeOffset("LastSubmittedAt") ?? DateTimeOffset.MinValue,
        };

    /// <summary>Newest first in key order: the row key starts with the inverted tick count.</summary>
    public static TableEntity ToEntity(string leadId, TimelineEntry entry) =>
        new(leadId, RowKey(TimelinePrefix, entry.At, entry.Id))
        {
            ["Kind"] = entry.Kind.ToString(),
            ["At"] = entry.At,
            ["Summary"] = entry.Summary,
            ["EntryId"] = entry.Id,
        };

    public static TimelineEntry ToTimelineEntry(TableEntity entity) =>
        new(
            entity.GetString("EntryId"),
            entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
            Enum.TryParse<TimelineKind>(entity.GetString("Kind"), out var kind) ? kind : TimelineKind.Submission,
            entity.GetString("Summary")
        );

    public static TableEntity ToEntity(EngagementEvent engagementEvent) =>
        new(engagementEvent.LeadId, RowKey(EventPrefix, engagementEvent.OccurredAt, engagementEvent.EventId))
        {
            ["Type"] = engagementEvent.Type,
            ["OccurredAt"] = engagementEvent.OccurredAt,
            ["EventSource"] = engagementEvent.Source,
            ["Url"] = engagementEvent.Url,
            ["EventId"] = engagementEvent.EventId,
            ["Detail"] = JsonSerializer.Serialize(engagementEvent.Detail, JsonDefaults.Options),
        };

    public static EngagementEvent ToEvent(TableEntity entity) =>
        new()
        {
            EventId = entity.GetString("EventId"),
            LeadId = entity.PartitionKey,
            Type = entity.GetString("Type"),
            OccurredAt = entity.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.MinValue,
            Source = entity.GetString("EventSource"),
            Url = entity.GetString("Url"),
            Detail = FromJson<Dictionary<string, string>>(entity.GetString("Detail")) ?? [],
        };

    public static string RowKey(string prefix, DateTimeOffset at, string id) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix}{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}|{id}"
        );

    private static string? Json<T>(T? value)
        where T : class => value is null ? null : JsonSerializer.Serialize(value, JsonDefaults.Options);

    private static T? FromJson<T>(string? json)
        where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, JsonDefaults.Options);
}

/// <summary>
/// A partition's <see cref="RecentActivity"/> on the row that versions it (the lead's, or the waiting row), as JSON in
/// "Recent", "Recent1" … (at most four parts, the unused ones cleared, since the waiting row is written by a merge). A
/// digest too long for them keeps the newer half of each list, and says it is partial, until it fits.
/// </summary>
internal static class RecentActivityMapper
{
    private const string Property = "Recent";
    private const int MaxParts = 4;

    public static void Write(TableEntity row, RecentActivity? recent)
    {
        while (recent is not null && !JsonColumns.TryWrite(row, Property, recent, MaxParts, clearUnused: true))
        {
            recent = new RecentActivity(
                [.. recent.Entries.Take(recent.Entries.Count / 2)],
                [.. recent.Events.Take(recent.Events.Count / 2)],
                [.. recent.Consent.Take(recent.Consent.Count / 2)],
                Partial: true
            );
        }
    }

    /// <summary>The row's digest; null for a row written before there was one.</summary>
    public static RecentActivity? Read(TableEntity row) => JsonColumns.Read<RecentActivity>(row, Property);
}

/// <summary>
/// A lead's campaign enrollments, as JSON in its own row: the one point read a nurture send makes gets the lead and
/// every enrollment, and the lead row's ETag versions them with it. A string property holds at most 32K characters, so
/// a long list goes on in "Enrollments1", "Enrollments2" … (the row's 1 MiB holds some hundreds of enrollments).
/// </summary>
internal static class EnrollmentEntityMapper
{
    private const string Property = "Enrollments";
    private const int MaxParts = 12;

    public static void Write(TableEntity leadRow, IReadOnlyList<Enrollment> enrollments)
    {
        if (enrollments.Count > 0 && !JsonColumns.TryWrite(leadRow, Property, enrollments, MaxParts))
        {
            throw new InvalidOperationException(
                $"Lead {leadRow.PartitionKey} has {enrollments.Count} enrollments, more than its row can hold."
            );
        }
    }

    public static IReadOnlyList<Enrollment> Read(TableEntity leadRow) =>
        JsonColumns.Read<List<Enrollment>>(leadRow, Property) ?? [];
}
