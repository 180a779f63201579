using System.Globalization;
using LeadFunctions.Core.Reports;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Reports;

/// <summary>
/// GET /api/reports/funnel?from=2026-01&amp;to=2026-12&amp;by=source|campaign|month: the funnel of the months from..to
/// (yyyy-MM or a date in the month; by default the last twelve), from counters kept as stages moved: the rows read
/// are months × values, however many leads there are.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function, "get", Route = "reports/funnel",
    Summary = "Counts per stage and conversion rates over a period, optionally by source.")]
public sealed class GetFunnelReport(IFunnelCounters counters, TimeProvider time)
{
    private const int MaxMonths = 36;
    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy-MM-dd"];

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow();
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var to = Month(request, "to", errors) ?? thisMonth;
        var from = Month(request, "from", errors) ?? to.AddMonths(-11);
        if (errors.Count == 0 && (from > to || from.AddMonths(MaxMonths) <= to))
        {
            errors["from"] = [$"From must not be after to, and the period at most {MaxMonths} months."];
        }

        var by = request.Query["by"].FirstOrDefault() is { Length: > 0 } text ? text : "source";
        if (!Enum.TryParse<FunnelDimension>(by, ignoreCase: true, out var dimension) || int.TryParse(by, out _))
        {
            errors["by"] = ["One of source, campaign, month."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var rows = await counters.ReadAsync(dimension, Key(from), Key(to), cancellationToken);
        return TypedResults.Ok(new FunnelReportView(from.ToString("yyyy-MM", CultureInfo.InvariantCulture), to.ToString("yyyy-MM", CultureInfo.InvariantCulture), dimension.ToString().ToLowerInvariant(), FunnelReport.Build(rows)));
    }

    private static DateOnly? Month(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        if (request.Query[name].FirstOrDefault() is not { Length: > 0 } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateOnly(date.Year, date.Month, 1);
        }

        errors[name] = ["A month (yyyy-MM) or a date (yyyy-MM-dd)."];
        return null;
    }

    private static string Key(DateOnly month) => month.ToString("yyyyMM", CultureInfo.InvariantCulture);
}

public sealed record FunnelReportView(string From, string To, string By, IReadOnlyList<FunnelGroup> Items);
