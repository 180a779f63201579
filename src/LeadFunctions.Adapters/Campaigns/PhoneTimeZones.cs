using System.Collections.Concurrent;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using PhoneNumbers;

namespace LeadFunctions.Adapters.Campaigns;

/// <summary>
/// A person's time zone from libphonenumber: their phone number's zone, else the first zone of their country (from
/// the country's example number), else the default (<c>Nurture:DefaultTimeZone</c>). A country's zone is worked out
/// once.
/// </summary>
public sealed class PhoneTimeZones(TimeZoneInfo fallback) : IRecipientTimeZones
{
    private const string Unknown = "Etc/Unknown";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper Zones = PhoneNumberToTimeZonesMapper.GetInstance();
    private readonly ConcurrentDictionary<string, TimeZoneInfo?> byCountry = new(StringComparer.OrdinalIgnoreCase);

    public TimeZoneInfo ZoneOf(Lead lead) =>
        FromPhone(lead.Phone, lead.Country)
        ?? (
            lead.Country is { Length: 2 } country
                ? byCountry.GetOrAdd(country, c => FromNumber(Phones.GetExampleNumber(c.ToUpperInvariant())))
                : null
        )
        ?? fallback;

    private static TimeZoneInfo? FromPhone(string? phone, string? country)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            return FromNumber(Phones.Parse(phone, country?.ToUpperInvariant() ?? "ZZ"));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static TimeZoneInfo? FromNumber(PhoneNumber? number)
    {
        if (number is null)
        {
            return null;
        }

        foreach (var id in Zones.GetTimeZonesForNumber(number).Where(z => z != Unknown))
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        return null;
    }
}
