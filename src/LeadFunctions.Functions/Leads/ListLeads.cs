using System.Globalization;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Functions.Http;
using Microsoft.AspNetCore.Http;
using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.Functions.Leads;

/// <summary>GET /api/leads?stage=&amp;source=&amp;minScore=&amp;temperature=&amp;q=&amp;pageSize=&amp;continuationToken=: a page of leads.</summary>
[HttpFunction(
    AuthorizationLevel.Function, "get", Route = "leads",
    Summary = "List leads by stage, source, minimum score or text, a page at a time.")]
public sealed class ListLeads(ILeadQuery leads)
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    public async Task<IResult> RunAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        // An empty parameter (?stage=&source=, as a script with an unset variable sends) means "any".
        string? Parameter(string name) => query[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
        var errors = new Dictionary<string, string[]>();
        LifecycleStage? stage = null;
        if (Parameter("stage") is { } stageText)
        {
            stage = LifecycleStages.TryParse(stageText, out var parsed) ? parsed : null;
            if (stage is null)
            {
                errors["stage"] = ["One of subscriber, lead, mql, sql, opportunity, customer, disqualified."];
            }
        }

        var source = Parameter("source");
        if (source is not null && !LeadSources.IsValid(source))
        {
            errors["source"] = [LeadSources.Rule];
        }

        int? minScore = null;
        if (Parameter("minScore") is { } minText)
        {
            minScore = int.TryParse(minText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) ? min : null;
            if (minScore is null)
            {
                errors["minScore"] = ["A whole number."];
            }
        }

        Temperature? temperature = null;
        if (Parameter("temperature") is { } temperatureText)
        {
            temperature = Temperatures.TryParse(temperatureText, out var parsed) ? parsed : null;
            if (temperature is null)
            {
                errors["temperature"] = ["One of cold, warm, hot."];
            }
        }

        var pageSize = DefaultPageSize;
        if (Parameter("pageSize") is { } sizeText
            && !(int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= MaxPageSize))
        {
            errors["pageSize"] = [$"A whole number from 1 to {MaxPageSize}."];
        }

        var q = Parameter("q")?.Trim().ToLowerInvariant();
        if (q is { Length: > 254 } || (q is not null && SafeText.HasControlCharacters(q)))
        {
            errors["q"] = ["An email or the start of one, at most 254 characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            var page = await leads.ListAsync(new LeadFilter(stage, source, minScore, q, temperature), Parameter("continuationToken"), pageSize, cancellationToken);
            return TypedResults.Ok(new LeadPageView([.. page.Leads.Select(LeadView.From)], page.ContinuationToken));
        }
        catch (FormatException)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["continuationToken"] = ["Not a continuation token from this API."] });
        }
    }
}

public sealed record LeadPageView(IReadOnlyList<LeadView> Items, string? ContinuationToken);
