using System.Globalization;
using System.Text.Json;
using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Consent;

/// <summary>GET /api/suppressions?pageSize=&amp;continuationToken=: a page of suppressed addresses (by hash, never in
/// clear).</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "suppressions",
    Summary = "Suppressed addresses: a hash of the normalized email, the reason and when."
)]
public sealed class ListSuppressions(ISuppressionList suppressions)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public async Task<Results<Ok<SuppressionPageView>, ValidationProblem>> RunAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var query = new QueryParameters(request.Query);
        var paging = query.Paging(DefaultPageSize, MaxPageSize);
        if (!query.IsValid)
        {
            return query.Refusal;
        }

        try
        {
            var page = await suppressions.ListAsync(paging.PageSize, paging.ContinuationToken, cancellationToken);
            return TypedResults.Ok(
                new SuppressionPageView([.. page.Items.Select(SuppressionView.From)], page.ContinuationToken)
            );
        }
        catch (FormatException)
        {
            return QueryParameters.UnknownContinuationToken;
        }
    }
}

public sealed record SuppressionPageView(IReadOnlyList<SuppressionView> Items, string? ContinuationToken);

public sealed record SuppressionView(string Hash, string Reason, DateTimeOffset At, string? Evidence)
{
    /// <summary>Reasons as the API names things: snake_case ("hard_bounce", "spam_report").</summary>
    public static SuppressionView From(Suppression suppression) =>
        new(
            suppression.Hash,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(suppression.Reason.ToString()),
            suppression.At,
            suppression.Evidence
        );
}
