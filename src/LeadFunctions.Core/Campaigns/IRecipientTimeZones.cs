using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Campaigns;

/// <summary>The time zone a person reads their email in: from their phone number, else their country, else
/// <c>Nurture:DefaultTimeZone</c>.</summary>
public interface IRecipientTimeZones
{
    TimeZoneInfo ZoneOf(Lead lead);
}
