using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Validation;

namespace LeadFunctions.Core.Consent;

/// <summary>Turns a row of a consent CSV (<see cref="ConsentImportColumns"/>) into a <see cref="ConsentImportRow"/>, or
/// says field by field what is wrong.</summary>
public static class ConsentImportRowValidator
{
    public const string StatusRule = "Use ONAY or RET (granted/withdrawn, evet/hayır, yes/no).";

    public static ValidationResult<ConsentImportRow> Validate(
        IReadOnlyDictionary<string, string?> fields,
        int line,
        DateTimeOffset now
    )
    {
        var errors = new FieldErrors();
        string? Optional(string field) => errors.Text(field, fields.GetValueOrDefault(field), 254);
        string? Required(string field)
        {
            var value = Optional(field);
            if (value is null && string.IsNullOrWhiteSpace(fields.GetValueOrDefault(field)))
            {
                errors.Add(field, "Required.");
            }

            return value;
        }

        var email = string.Empty;
        if (Required("email") is { } raw && !EmailAddress.TryNormalize(raw, out email))
        {
            errors.Add("email", "Not a valid email address.");
        }

        var granted = Required("status") is { } status ? ParseStatus(status) : false;
        if (granted is null)
        {
            errors.Add("status", StatusRule);
        }

        var decidedAt = default(DateTimeOffset);
        if (Required("date") is { } date)
        {
            if (!ConsentImportDate.TryParse(date, out decidedAt))
            {
                errors.Add("date", ConsentImportDate.Rule);
            }
            else if (decidedAt > now)
            {
                errors.Add("date", "Is in the future.");
            }
        }

        string? iysSource = null;
        if (Optional("source") is { } source && (iysSource = IysSourceCodes.Find(source)) is null)
        {
            errors.Add(
                "source",
                $"Not an İYS source: use one of {string.Join(", ", IysSourceCodes.All.Order(StringComparer.Ordinal))}."
            );
        }

        var channel = ConsentChannel.Email;
        if (Optional("type") is { } type && !ConsentChannels.TryParse(type, out channel))
        {
            errors.Add("type", "Use EPOSTA, MESAJ or ARAMA.");
        }

        var recipientType = RecipientType.Individual;
        if (Optional("recipientType") is { } recipient && !RecipientTypes.TryParse(recipient, out recipientType))
        {
            errors.Add("recipientType", "Use BIREYSEL or TACIR.");
        }

        return errors.Any || granted is not { } isGrant
            ? ValidationResult.Failure<ConsentImportRow>(errors.ToDictionary())
            : ValidationResult.Success(
                new ConsentImportRow
                {
                    Line = line,
                    Email = email,
                    Channel = channel,
                    Granted = isGrant,
                    DecidedAt = decidedAt,
                    IysSource = iysSource,
                    RecipientType = recipientType,
                }
            );
    }

    /// <summary>ONAY/RET as İYS writes them, granted/withdrawn as the API does, and the yes/no words any list uses
    /// (evet/hayır).</summary>
    internal static bool? ParseStatus(string value) =>
        TextFolding.Fold(value.Trim()) switch
        {
            "onay" or "granted" or "opt-in" => true,
            "ret" or "red" or "withdrawn" or "refused" or "opt-out" => false,
            _ => ConsentAnswer.Parse(value),
        };
}
