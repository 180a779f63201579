using LeadFunctions.Core.Consent;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Consent;

/// <summary>
/// <c>GET /api/consent/iys-export?from=&amp;to=&amp;format=json|csv</c>: the consent changes recorded in the period, in
/// İYS's record shape (<see cref="IysConsentExport"/>). <c>to=2026-12-05</c> includes that day, as the funnel report's
/// months are whole months.
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "consent/iys-export",
    Summary = "Consent changes in a period in İYS's record shape."
)]
public sealed class ExportIysConsent(IysConsentExport exporter)
{
    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryParameters(request.Query);
        var from = query.Required(
            "from",
            text => IysConsentExport.ParseBound(text, end: false),
            IysConsentExport.BoundRule
        );
        var to = query.Required("to", text => IysConsentExport.ParseBound(text, end: true), IysConsentExport.BoundRule);
        var format = query.Text("format")?.ToLowerInvariant() ?? "json";
        if (format is not ("json" or "csv"))
        {
            query.Refuse("format", "json or csv.");
        }

        if (from is { } start && to is { } end && IysConsentExport.CheckPeriod(start, end) is { } period)
        {
            query.Refuse("to", period);
        }

        if (!query.IsValid)
        {
            return query.Refusal;
        }

        var export = await exporter.ExportAsync(from!.Value, to!.Value, cancellationToken);
        return format == "json"
            ? TypedResults.Ok(export)
            : TypedResults.Text(await export.ToCsvAsync(cancellationToken), "text/csv; charset=utf-8");
    }
}
