using System.ComponentModel.DataAnnotations;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace LeadFunctions.Adapters.Enrichment;

/// <summary>Email domain, free-mail/disposable, company domain, country code, phone in E.164 (libphonenumber), and
/// optionally MX.</summary>
public sealed class LeadEnricher(IMxChecker mx, IOptions<EnrichmentOptions> options) : ILeadEnricher
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public async ValueTask<LeadEnrichment> EnrichAsync(
        string normalizedEmail,
        string? phone,
        string? country,
        CancellationToken cancellationToken
    )
    {
        var domain = EmailAddress.Domain(normalizedEmail);
        var free = EmailDomains.IsFreeMail(domain);
        var disposable = EmailDomains.IsDisposable(domain);
        var countryCode = CountryCodes.TryNormalize(country, out var code) ? code : null;
        var (e164, phoneCountry) = ParsePhone(phone, countryCode ?? options.Value.DefaultPhoneRegion);
        var mxFound = options.Value.CheckMx ? await mx.HasMxAsync(domain, cancellationToken) : null;
        return new LeadEnrichment(
            domain,
            free,
            disposable,
            free || disposable ? null : domain,
            e164,
            phoneCountry,
            countryCode ?? phoneCountry,
            mxFound
        );
    }

    private static (string? E164, string? Region) ParsePhone(string? phone, string region)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return (null, null);
        }

        try
        {
            var number = Phones.Parse(phone, region);
            return Phones.IsValidNumber(number)
                ? (Phones.Format(number, PhoneNumberFormat.E164), Phones.GetRegionCodeForNumber(number))
                : (null, null);
        }
        catch (NumberParseException)
        {
            return (null, null);
        }
    }
}

public sealed class EnrichmentOptions
{
    public const string SectionName = "Enrichment";

    /// <summary>The region a phone number without a country code is read in, when the lead names no country.</summary>
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "TR";

    /// <summary>Ask DNS whether the email's domain takes mail. Off by default: it needs the network.</summary>
    public bool CheckMx { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan MxTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
