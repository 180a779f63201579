using System.Globalization;
using CsvHelper;
using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>GET /api/consent/iys-export?from=&amp;to=&amp;format=json|csv</c>: the consent changes recorded in the period,
/// in İYS's record shape, to be sent to İYS within its deadline. Reads the change log's days of the period only.
/// </summary>
public sealed class IysExportHttpFunction(IConsentChangeLog changes)
{
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(92);

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Date(request, "from", errors);
        var to = Date(request, "to", errors);
        var format = request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        if (format is not ("json" or "csv"))
        {
            errors["format"] = ["json or csv."];
        }

        if (from is { } start && to is { } end && (end <= start || end - start > MaxPeriod))
        {
            errors["to"] = [$"Must be after from, and at most {MaxPeriod.TotalDays} days after it."];
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

    private static DateTimeOffset? Date(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        if (DateTimeOffset.TryParse(request.Query[name].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        errors[name] = ["Required: an ISO 8601 date or time (2026-12-01 or 2026-12-01T09:00:00+03:00)."];
        return null;
    }
}

public sealed record IysExport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<IysRecord> Items);
