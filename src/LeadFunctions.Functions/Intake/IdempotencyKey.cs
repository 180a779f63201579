using LeadFunctions.Core.Security;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Intake;

/// <summary>
/// The "Idempotency-Key" header: a retried request with the same key becomes the same submission id,
/// which the intake function records once, so a double-clicked or retried form is one submission.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxLength = 255;

    /// <summary>The submission id for this request: derived from the key, or new. False when the header is malformed.</summary>
    public static bool TryGetSubmissionId(HttpRequest request, string scope, out string submissionId)
    {
        var key = request.Headers[HeaderName].FirstOrDefault();
        if (key is null)
        {
            submissionId = Guid.CreateVersion7().ToString("N");
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
