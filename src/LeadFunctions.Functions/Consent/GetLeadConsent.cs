using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadFunctions.Functions.Consent;

/// <summary>GET /api/leads/{id}/consent: each channel's state and the ledger, oldest decision first.</summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "get",
    Route = "leads/{id}/consent",
    Summary = "A lead's consent ledger, oldest first."
)]
public sealed class GetLeadConsent(ILeadStore store)
{
    public async Task<Results<Ok<ConsentLedgerView>, ProblemHttpResult>> RunAsync(
        HttpRequest request,
        string id,
        CancellationToken cancellationToken
    )
    {
        if (!LeadId.IsWellFormed(id) || await store.FindAsync(id, cancellationToken) is not { Lead: var lead })
        {
            return Problems.NotFound("The lead");
        }

        var records = await store.ReadConsentAsync(id, cancellationToken);
        var state = Enum.GetValues<ConsentChannel>()
            .ToDictionary(c => c.ToApiName(), c => lead.Consent.For(c).Status.ToApiName());
        return TypedResults.Ok(
            new ConsentLedgerView(
                id,
                state,
                lead.RecipientType.ToString().ToLowerInvariant(),
                [.. records.Select(ConsentRecordView.From)]
            )
        );
    }
}

public sealed record ConsentLedgerView(
    string LeadId,
    IReadOnlyDictionary<string, string> State,
    string RecipientType,
    IReadOnlyList<ConsentRecordView> Records
);

public sealed record ConsentRecordView(
    string Id,
    string Channel,
    string Action,
    DateTimeOffset At,
    string Source,
    string RecipientType,
    string? Ip,
    string? UserAgent,
    string? Text,
    string? Evidence,
    string? IysSource
)
{
    public static ConsentRecordView From(ConsentRecord r) =>
        new(
            r.Id,
            r.Channel.ToApiName(),
            r.Action.ToString().ToLowerInvariant(),
            r.At,
            r.Source.ToApiName(),
            r.RecipientType.ToString().ToLowerInvariant(),
            r.Ip,
            r.UserAgent,
            r.Text,
            r.Evidence,
            r.IysSource
        );
}
