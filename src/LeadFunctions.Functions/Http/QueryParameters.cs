using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Http;

/// <summary>
/// Reads a request's query parameters, every function's the same way. A parameter left empty (<c>?stage=</c>, as a
/// script with an unset variable sends it) is absent. A value that does not parse is an error under the parameter's
/// name, and every such error is answered together (<see cref="Refusal"/>).
/// </summary>
public sealed class QueryParameters(IQueryCollection query)
{
    public const string PageSize = "pageSize";
    public const string ContinuationToken = "continuationToken";

    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    /// <summary>The 400 that names each parameter that did not parse.</summary>
    public ValidationProblem Refusal => Problems.Invalid(errors);

    /// <summary>The 400 for a continuation token the store did not hand out.</summary>
    public static ValidationProblem UnknownContinuationToken =>
        Problems.Invalid(
            new Dictionary<string, string[]> { [ContinuationToken] = ["Not a continuation token from this API."] }
        );

    /// <summary>The parameter's first value, or null when it is absent or empty.</summary>
    public string? Text(string name) =>
        query[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>
    /// The parameter as <paramref name="parse"/> reads it; null when absent, or when unreadable (then
    /// <paramref name="rule"/> is its error).
    /// </summary>
    public T? Parse<T>(string name, Func<string, T?> parse, string rule)
        where T : struct
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Refuse(name, rule);
        }

        return value;
    }

    /// <summary>As <see cref="Parse{T}"/>, and an absent parameter is an error too.</summary>
    public T? Required<T>(string name, Func<string, T?> parse, string rule)
        where T : struct
    {
        if (Text(name) is null)
        {
            Refuse(name, rule);
            return null;
        }

        return Parse(name, parse, rule);
    }

    public int? WholeNumber(string name) => Parse(name, ParseWholeNumber, "A whole number.");

    /// <summary>true or false; false when absent.</summary>
    public bool Flag(string name) =>
        Parse(name, text => bool.TryParse(text, out var flag) ? flag : (bool?)null, "true or false.") ?? false;

    /// <summary>
    /// pageSize (1 to <paramref name="maxSize"/>, else <paramref name="defaultSize"/>) and the continuation token as it
    /// came.
    /// </summary>
    public Paging Paging(int defaultSize, int maxSize)
    {
        var size = Parse<int>(
            PageSize,
            text => ParseWholeNumber(text) is { } n && n >= 1 && n <= maxSize ? n : null,
            $"A whole number from 1 to {maxSize}."
        );
        return new Paging(size ?? defaultSize, Text(ContinuationToken));
    }

    /// <summary>
    /// Records <paramref name="rule"/> as the error of <paramref name="name"/>, for a check of a parsed value.
    /// </summary>
    public void Refuse(string name, string rule) => errors[name] = [rule];

    private static int? ParseWholeNumber(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}

/// <summary>A page asked for: its size and the token of the page before, if any.</summary>
public sealed record Paging(int PageSize, string? ContinuationToken);
