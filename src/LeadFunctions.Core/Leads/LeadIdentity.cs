using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LeadFunctions.Core.Leads;

/// <summary>
/// A lead's id is derived from its normalized email, so the intake answer can name the lead before it
/// is processed, every channel finds the same person with one point read, and two hosts processing
/// the same person at once collide on one key instead of creating two leads. The hash keeps the
/// address itself out of URLs, table keys and logs.
/// </summary>
public static class LeadId
{
    public const int Length = 32;

    public static string FromEmail(string normalizedEmail)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail), hash);
        return Convert.ToHexStringLower(hash[..(Length / 2)]);
    }

    public static bool IsWellFormed(string? id) => id is { Length: Length } && id.All(char.IsAsciiHexDigitLower);
}

/// <summary>
/// The one rule for what counts as the same email address. Casing is folded with the invariant
/// culture, never the current one: under tr-TR "ISIK".ToLower() is "ısık", which would split one
/// person in two, and dotted/dotless i are different letters that must not be merged.
/// </summary>
public static class EmailAddress
{
    private const int MaxLength = 254;
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static bool TryNormalize(string? raw, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var trimmed = raw.Trim();
        if (!trimmed.IsNormalized(NormalizationForm.FormC))
        {
            trimmed = trimmed.Normalize(NormalizationForm.FormC);
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var local = trimmed[..at].ToLowerInvariant();
        string domain;
        try
        {
            domain = Idn.GetAscii(trimmed[(at + 1)..].TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return false;
        }

        var candidate = $"{local}@{domain}";
        if (local.Length > 64 || candidate.Length > MaxLength || !domain.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        // MailAddress also accepts display names ("Ayşe <a@b.c>"); only a bare address is an email here.
        if (!MailAddress.TryCreate(candidate, out var parsed) || parsed.Address != candidate)
        {
            return false;
        }

        normalized = candidate;
        return true;
    }

    public static string Domain(string normalizedEmail) => normalizedEmail[(normalizedEmail.LastIndexOf('@') + 1)..];
}

/// <summary>The one rule for a source name (a lead's, an event's, a webinar platform's, a list filter's).</summary>
public static partial class LeadSources
{
    /// <summary>The source of a lead or event that names none.</summary>
    public const string Default = "web";

    public const string Rule = "1 to 50 lowercase letters, digits, '-' or '_'.";

    public static bool IsValid(string? source) => source is not null && Pattern().IsMatch(source);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>The languages our emails and pages speak, and which one a person gets.</summary>
public static class Languages
{
    public const string Turkish = "tr";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [Turkish, English];

    public static bool IsSupported(string? language) => language is Turkish or English;

    /// <summary>The lead's own choice, else Turkish for a person in Turkey, else English.</summary>
    public static string For(Lead lead) =>
        IsSupported(lead.Language) ? lead.Language!
        : string.Equals(lead.Country, "TR", StringComparison.OrdinalIgnoreCase) ? Turkish
        : English;
}
