using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// The workspace's lead search: one page of <see cref="ILeadQuery"/> (the query the API's list runs), so a search
/// costs the same whatever the number of leads.
/// </summary>
public sealed class LeadSearch(ILeadQuery leads)
{
    public const int PageSize = 25;

    public async Task<LeadSearchResult> SearchAsync(LeadSearchForm form, CancellationToken cancellationToken)
    {
        var (filter, errors) = form.ToFilter();
        if (filter is null)
        {
            return new LeadSearchResult(form, errors, [], null);
        }

        try
        {
            var page = await leads.ListAsync(filter, form.Page, PageSize, cancellationToken);
            return new LeadSearchResult(form, errors, page.Leads, page.ContinuationToken);
        }
        catch (FormatException)
        {
            // A page address from an older search, or typed by hand: say so and offer the first page.
            return new LeadSearchResult(
                form,
                new Dictionary<string, TextId> { ["page"] = TextId.LeadsPageUnknown },
                [],
                null
            );
        }
    }
}

/// <summary>One page of a search: the form as typed, its errors by field, the leads found and the next page's
/// token (null on the last).</summary>
public sealed record LeadSearchResult(
    LeadSearchForm Form,
    IReadOnlyDictionary<string, TextId> Errors,
    IReadOnlyList<Lead> Leads,
    string? Next
);
