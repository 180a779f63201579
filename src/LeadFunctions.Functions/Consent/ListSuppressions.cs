using System.Globalization;
using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>GET /api/suppressions?pageSize=&amp;continuationToken=: a page of suppressed addresses (by hash, never in clear).</summary>
[HttpFunction(
    AuthorizationLevel.Function, "get", Route = "suppressions",
    Summary = "Suppressed addresses: a hash of the normalized email, the reason and when.")]
public sealed class ListSuppressions(ISuppressionList suppressions)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var pageSize = DefaultPageSize;
        if (request.Query["pageSize"].FirstOrDefault() is { Length: > 0 } sizeText
            && !(int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxPageSize))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["pageSize"] = [$"A whole number from 1 to {MaxPageSize}."] });
        }

        try
        {
            var page = await suppressions.ListAsync(pageSize, request.Query["continuationToken"].FirstOrDefault(), cancellationToken);
            return TypedResults.Ok(new SuppressionPageView([.. page.Items.Select(SuppressionView.From)], page.ContinuationToken));
        }
        catch (FormatException)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["continuationToken"] = ["Not a continuation token from this API."] });
        }
    }
}

public sealed record SuppressionPageView(IReadOnlyList<SuppressionView> Items, string? ContinuationToken);

public sealed record SuppressionView(string Hash, string Reason, DateTimeOffset At, string? Evidence)
{
    /// <summary>Reasons as the API names things: snake_case ("hard_bounce", "spam_report").</summary>
    public static SuppressionView From(Suppression suppression) => new(
        suppression.Hash, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(suppression.Reason.ToString()), suppression.At, suppression.Evidence);
}
