using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// The "Idempotency-Key" header: a retried request with the same key becomes the same submission id,
/// which the intake function records once, so a double-clicked or retried form is one submission.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxLength = 255;

    /// <summary>The field error for a malformed key.</summary>
    public static IReadOnlyDictionary<string, string[]> Malformed { get; } =
        new Dictionary<string, string[]> { [HeaderName] = ["1 to 255 printable ASCII characters."] };

    /// <summary>The submission id for the header's <paramref name="key"/>: derived from it, or new when there is none.
    /// False when it is malformed.</summary>
    public static bool TryGetSubmissionId(string? key, string scope, IIdGenerator ids, out string submissionId)
    {
        if (key is null)
        {
            submissionId = ids.NewId();
            return true;
        }

        submissionId = string.Empty;
        if (key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~'))
        {
            return false;
        }

        submissionId = "idem-" + StableId.From(scope, key);
        return true;
    }
}
