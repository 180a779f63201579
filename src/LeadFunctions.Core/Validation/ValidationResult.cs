using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Validation;

/// <summary>Either a value or the errors that stopped it, field by field (RFC 9457 "errors").</summary>
public sealed class ValidationResult<T>
    where T : class
{
    internal ValidationResult(T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool IsValid => Value is not null;
}

public static class ValidationResult
{
    public static ValidationResult<T> Success<T>(T value)
        where T : class => new(value, new Dictionary<string, string[]>());

    public static ValidationResult<T> Failure<T>(IReadOnlyDictionary<string, string[]> errors)
        where T : class => new(null, errors);
}

/// <summary>Collects validation errors per field while cleaning the values up.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>
    /// Trims a free-text value; empty becomes null. Control characters, angle brackets and damaged text are refused
    /// rather than stripped, so what is stored is exactly what the person typed.
    /// </summary>
    public string? Text(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters.");
            return null;
        }

        if (!SafeText.IsPlainAndWhole(trimmed))
        {
            Add(field, "Contains characters that are not allowed (control characters, '<', '>' or broken UTF-8).");
            return null;
        }

        return trimmed;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
