namespace LeadFunctions.Core.Leads;

/// <summary>Pages of leads for operators. A page may hold fewer than asked; follow the continuation token.</summary>
public interface ILeadQuery
{
    /// <summary>The continuation token is one a page handed out, opaque to callers; any other throws
    /// <see cref="FormatException"/>.</summary>
    Task<LeadPage> ListAsync(
        LeadFilter filter,
        string? continuationToken,
        int pageSize,
        CancellationToken cancellationToken
    );
}

/// <summary>Every part is optional; <see cref="EmailPrefix"/> matches normalized emails that start with it.</summary>
public sealed record LeadFilter(
    LifecycleStage? Stage,
    string? Source,
    int? MinScore,
    string? EmailPrefix,
    Temperature? Temperature = null
)
{
    /// <summary>The filter as a rule on one lead, for a store that reads leads by another way (an index) than the
    /// filter.</summary>
    public bool Matches(Lead lead) =>
        (Stage is null || lead.Stage == Stage)
        && (Source is null || lead.Source == Source)
        && (MinScore is null || lead.Score.Total >= MinScore)
        && (Temperature is null || lead.Temperature == Temperature)
        && (EmailPrefix is null || lead.Email.StartsWith(EmailPrefix, StringComparison.Ordinal));
}

public sealed record LeadPage(IReadOnlyList<Lead> Leads, string? ContinuationToken);
