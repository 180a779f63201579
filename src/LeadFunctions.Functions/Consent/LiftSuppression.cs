using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Consent;

/// <summary>DELETE /api/suppressions/{hash} (admin key): the address may be emailed again, if its consent
/// allows.</summary>
[HttpFunction(
    AuthorizationLevel.Admin,
    "delete",
    Route = "suppressions/{hash}",
    Summary = "Lift a suppression (admin key)."
)]
public sealed partial class LiftSuppression(ISuppressionList suppressions, ILogger<LiftSuppression> logger)
{
    public async Task<IResult> RunAsync(HttpRequest request, string hash, CancellationToken cancellationToken)
    {
        if (!SuppressionKey.IsWellFormed(hash))
        {
            return Problems.Invalid(
                new Dictionary<string, string[]>
                {
                    ["hash"] = [$"{SuppressionKey.Length} lowercase hex digits (the SHA-256 of the normalized email)."],
                }
            );
        }

        if (!await suppressions.LiftAsync(hash, cancellationToken))
        {
            return Problems.NotFound("The suppression");
        }

        Lifted(logger, hash);
        return TypedResults.NoContent();
    }

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Suppression {Hash} lifted by an admin")]
    private static partial void Lifted(ILogger logger, string hash);
}
