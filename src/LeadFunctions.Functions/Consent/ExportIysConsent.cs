using System.Globalization;
using CsvHelper;
using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>GET /api/consent/iys-export?from=&amp;to=&amp;format=json|csv</c>: the consent changes recorded in the period,
/// in İYS's record shape, to be sent to İYS within its deadline. Reads the change log's days of the period only.
/// A date alone is a whole day in Turkey (<see cref="TurkeyTime"/>, as the records' dates are written), as the funnel
/// report's months are whole months: <c>to=2026-12-05</c> includes that day.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function, "get", Route = "consent/iys-export",
    Summary = "Consent changes in a period in İYS's record shape.")]
public sealed class ExportIysConsent(IConsentChangeLog changes)
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(92);

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Date(request, "from", errors, end: false);
        var to = Date(request, "to", errors, end: true);
        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        if (format is not ("json" or "csv"))
        {
            errors["format"] = ["json or csv."];
        }

        if (from is { } start && to is { } end && (end <= start || end - start > MaxPeriod))
        {
            errors["to"] = [$"Must be after from (a date alone includes that day), and at most {MaxPeriod.TotalDays} days after it."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var records = new List<IysRecord>();
        await foreach (var change in changes.ReadAsync(from!.Value, to!.Value, cancellationToken))
        {
            if (IysRecords.From(change) is { } record)
            {
                records.Add(record);
            }
        }

        if (format == "json")
        {
            return TypedResults.Ok(new IysExport(from.Value, to.Value, records));
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            await csv.WriteRecordsAsync(records, cancellationToken);
        }

        return TypedResults.Text(text.ToString(), "text/csv; charset=utf-8");
    }

    /// <summary>An instant, or a date alone: its start in Turkey, or as the period's <paramref name="end"/> the start of the next day.</summary>
    private static DateTimeOffset? Date(HttpRequest request, string name, Dictionary<string, string[]> errors, bool end)
    {
        var text = request.Query[name].ToString();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return TurkeyTime.FromLocal((end ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors[name] = ["Required: an ISO 8601 date or time (2026-12-01 or 2026-12-01T09:00:00+03:00)."];
        return null;
    }
}

public sealed record IysExport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<IysRecord> Items);
