using System.Globalization;
using LeadFunctions.Core.Reports;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Reports;

/// <summary>
/// GET /api/reports/funnel?from=2026-01&amp;to=2026-12&amp;by=source|campaign|month: the funnel of the months from..to
/// (yyyy-MM or a date in the month; by default the last twelve), from counters kept as stages moved: the rows read
/// are months × values, however many leads there are.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "reports/funnel",
    Summary = "Counts per stage and conversion rates over a period, optionally by source."
)]
public sealed class GetFunnelReport(IFunnelCounters counters, TimeProvider time)
{
    private const int MaxMonths = 36;
    private const string MonthRule = "A month (yyyy-MM) or a date (yyyy-MM-dd).";
    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy-MM-dd"];

    public async Task<Results<Ok<FunnelReportView>, ValidationProblem>> RunAsync(
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var query = new QueryParameters(request.Query);
        var now = time.GetUtcNow();
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var to = query.Parse("to", Month, MonthRule) ?? thisMonth;
        var from = query.Parse("from", Month, MonthRule) ?? to.AddMonths(-11);
        if (query.IsValid && (from > to || from.AddMonths(MaxMonths) <= to))
        {
            query.Refuse("from", $"From must not be after to, and the period at most {MaxMonths} months.");
        }

        var by = query.Text("by") ?? "source";
        if (!Enum.TryParse<FunnelDimension>(by, ignoreCase: true, out var dimension) || int.TryParse(by, out _))
        {
            query.Refuse("by", "One of source, campaign, month.");
        }

        if (!query.IsValid)
        {
            return query.Refusal;
        }

        var rows = await counters.ReadAsync(dimension, Key(from), Key(to), cancellationToken);
        return TypedResults.Ok(
            new FunnelReportView(
                from.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                to.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                dimension.ToString().ToLowerInvariant(),
                FunnelReport.Build(rows)
            )
        );
    }

    /// <summary>The month of a yyyy-MM or yyyy-MM-dd text, as its first day.</summary>
    private static DateOnly? Month(string text) =>
        DateOnly.TryParseExact(text, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateOnly(date.Year, date.Month, 1)
            : null;

    private static string Key(DateOnly month) => month.ToString("yyyyMM", CultureInfo.InvariantCulture);
}

public sealed record FunnelReportView(string From, string To, string By, IReadOnlyList<FunnelGroup> Items);
