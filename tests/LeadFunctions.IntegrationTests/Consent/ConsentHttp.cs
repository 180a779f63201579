using System.Net.Http.Json;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Consent;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Consent;

/// <summary>What the consent tests do over HTTP: submit a form, read the ledger, make the links an email would
/// carry.</summary>
internal static class ConsentHttp
{
    public static readonly ConsentTokens Tokens = new(TestHost.ConsentTokenSecret);

    public static async Task<string> SubmitAsync(
        TestHost host,
        string email,
        bool consent = true,
        string? country = null,
        string source = "web",
        string? userAgent = "Mozilla/5.0 (consent test)"
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/leads")
        {
            Content = JsonContent.Create(
                new
                {
                    email,
                    firstName = "Ayşe",
                    company = "Acme",
                    country,
                    source,
                    consentEmail = consent,
                    consentText = "Kampanya e-postaları almayı kabul ediyorum (v2)",
                }
            ),
        };
        request.Headers.UserAgent.ParseAdd(userAgent);
        using var response = await host.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return LeadId.FromEmail(email);
    }

    public static Task<LeadView> LeadAsync(TestHost host, string id, Func<LeadView, bool>? until = null) =>
        Eventually.GetAsync(
            async () =>
                await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}") is { } lead
                && (until?.Invoke(lead) ?? true)
                    ? lead
                    : null,
            because: "the lead"
        );

    public static Task<ConsentLedgerView> ConsentAsync(
        TestHost host,
        string id,
        Func<ConsentLedgerView, bool>? until = null
    ) =>
        Eventually.GetAsync(
            async () =>
                await host.GetJsonWithKeyAsync<ConsentLedgerView>($"/api/leads/{id}/consent") is { } view
                && (until?.Invoke(view) ?? true)
                    ? view
                    : null,
            because: "the consent ledger"
        );

    public static string UnsubscribeUrl(string leadId) =>
        $"/api/unsubscribe?t={Uri.EscapeDataString(Tokens.Issue(new ConsentToken(TokenPurpose.Unsubscribe, leadId, null, null)))}";

    public static string ConfirmUrl(string leadId, string recordId, DateTimeOffset expires) =>
        $"/api/consent/confirm?t={Uri.EscapeDataString(Tokens.Issue(new ConsentToken(TokenPurpose.Confirm, leadId, recordId, expires)))}";
}
