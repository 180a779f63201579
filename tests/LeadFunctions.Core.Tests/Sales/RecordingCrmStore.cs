using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;

namespace LeadFunctions.Core.Tests;

/// <summary>Records each CRM write with the lead as the lead store held it then, so that a test sees their
/// order.</summary>
internal sealed class RecordingCrmStore(InMemoryLeadStore leads) : ICrmStore
{
    public List<CrmWrite> Writes { get; } = [];

    public Task SaveConversionAsync(Lead lead, Conversion conversion, CancellationToken cancellationToken)
    {
        Writes.Add(new CrmWrite(nameof(SaveConversionAsync), lead, leads[lead.Id]));
        return Task.CompletedTask;
    }

    public Task SaveOpportunityStatusAsync(Lead lead, CancellationToken cancellationToken)
    {
        Writes.Add(new CrmWrite(nameof(SaveOpportunityStatusAsync), lead, leads[lead.Id]));
        return Task.CompletedTask;
    }
}

internal sealed record CrmWrite(string Method, Lead Lead, Lead? Stored);
