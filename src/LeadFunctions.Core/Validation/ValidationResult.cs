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
