using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Dashboard;

public sealed record RecentMql(
    string LeadId,
    string? Name,
    string? Company,
    string Source,
    int Score,
    Temperature Temperature,
    DateTimeOffset UpdatedAt
);
