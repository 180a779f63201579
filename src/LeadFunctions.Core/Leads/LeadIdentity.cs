using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;

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
