using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Leads;

[Collection(AzuriteCollection.Name)]
public sealed class OperationsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    [Fact]
    public async Task List_ByTemperature_FindsTheLeadADemoRequestMadeHot()
    {
        var hot = await CreateLeadAsync("temp-hot@acme.com");
        await CreateLeadAsync("temp-cold@acme.com");
        using var demo = await PostAsync("/api/events", new { email = "temp-hot@acme.com", type = "demo_request" });
        Assert.Equal(HttpStatusCode.Accepted, demo.StatusCode);
        await Eventually.TrueAsync(
            async () => (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{hot}"))?.Temperature == "hot",
            because: "the demo request"
        );

        var page = (await host.GetJsonWithKeyAsync<LeadPageView>("/api/leads?q=temp-&temperature=hot"))!;
        Assert.Equal("temp-hot@acme.com", Assert.Single(page.Items).Email);
        var cold = (await host.GetJsonWithKeyAsync<LeadPageView>("/api/leads?q=temp-&temperature=cold"))!;
        Assert.Equal("temp-cold@acme.com", Assert.Single(cold.Items).Email);

        using var bad = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/leads?temperature=tepid"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(
            "temperature",
            (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key)
        );
    }

    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> CreateLeadAsync(string email, object? extra = null)
    {
        var fields = JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject();
        fields["email"] = email;
        fields["firstName"] ??= "Deniz";
        using var response = await host.Client.PostAsJsonAsync("/api/leads", fields);
        var id = (await response.Content.ReadFromJsonAsync<SubmissionAccepted>())!.Id;
        await Eventually.GetAsync(() => host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"));
        return id;
    }

    private async Task<HttpResponseMessage> PostAsync(
        string uri,
        object? body = null,
        string key = TestHost.FunctionKey
    )
    {
        var request = TestHost.WithKey(HttpMethod.Post, uri, key);
        request.Content = JsonContent.Create(body ?? new { });
        return await host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Decisions_QualifyThenConvert_CreatesLinkedCrmRecords()
    {
        var id = await CreateLeadAsync("buyer@acme.com", new { company = "Acme" });
        using var qualified = await PostAsync($"/api/leads/{id}/qualify");
        Assert.Equal("sql", (await qualified.Content.ReadFromJsonAsync<LeadView>())!.Stage);

        using var converted = await PostAsync($"/api/leads/{id}/convert");
        var lead = (await converted.Content.ReadFromJsonAsync<LeadView>())!;
        Assert.Equal("opportunity", lead.Stage);
        var crm = host.Table(TableNames.Crm);
        var opportunity = (await crm.GetEntityAsync<TableEntity>("opportunity", lead.Conversion!.OpportunityId)).Value;
        Assert.Equal(id, opportunity.GetString("LeadId"));
        Assert.Equal(lead.Conversion.AccountId, opportunity.GetString("AccountId"));
        Assert.Equal(
            "buyer@acme.com",
            (await crm.GetEntityAsync<TableEntity>("contact", lead.Conversion.ContactId)).Value.GetString("Email")
        );
        Assert.Equal(
            "Acme",
            (await crm.GetEntityAsync<TableEntity>("account", lead.Conversion.AccountId)).Value.GetString("Name")
        );

        using var again = await PostAsync($"/api/leads/{id}/convert");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Decisions_AWonOpportunity_MakesACustomer_ClosedAsWonInTheCrm()
    {
        var id = await CreateLeadAsync("won-deal@acme.com", new { company = "Acme" });
        using var early = await PostAsync($"/api/leads/{id}/win");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        using var converted = await PostAsync($"/api/leads/{id}/convert");
        var opportunityId = (await converted.Content.ReadFromJsonAsync<LeadView>())!.Conversion!.OpportunityId;
        using var won = await PostAsync($"/api/leads/{id}/win");

        Assert.Equal("customer", (await won.Content.ReadFromJsonAsync<LeadView>())!.Stage);
        var opportunity = (
            await host.Table(TableNames.Crm).GetEntityAsync<TableEntity>("opportunity", opportunityId)
        ).Value;
        Assert.Equal("won", opportunity.GetString("Status"));
        Assert.NotNull(opportunity.GetDateTimeOffset("ClosedAt"));
        using var again = await PostAsync($"/api/leads/{id}/win");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Decisions_ALostOpportunity_IsLostInTheCrmAndOpenAgainWhenRequalified()
    {
        var id = await CreateLeadAsync("lost-deal@acme.com", new { company = "Acme" });
        using var converted = await PostAsync($"/api/leads/{id}/convert");
        var opportunityId = (await converted.Content.ReadFromJsonAsync<LeadView>())!.Conversion!.OpportunityId;
        var crm = host.Table(TableNames.Crm);
        async Task<TableEntity> OpportunityAsync() =>
            (await crm.GetEntityAsync<TableEntity>("opportunity", opportunityId)).Value;

        using var lost = await PostAsync($"/api/leads/{id}/disqualify", new { reason = "Went with a competitor" });
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var closed = await OpportunityAsync();
        Assert.Equal("lost", closed.GetString("Status"));
        Assert.Equal("Went with a competitor", closed.GetString("LostReason"));
        Assert.NotNull(closed.GetDateTimeOffset("ClosedAt"));
        Assert.Equal(id, closed.GetString("LeadId"));

        using var reopened = await PostAsync($"/api/leads/{id}/qualify");
        Assert.Equal("opportunity", (await reopened.Content.ReadFromJsonAsync<LeadView>())!.Stage);
        var open = await OpportunityAsync();
        Assert.Equal("open", open.GetString("Status"));
        Assert.False(open.ContainsKey("LostReason"));
        Assert.False(open.ContainsKey("ClosedAt"));
        Assert.Equal(id, open.GetString("LeadId"));
    }

    [Fact]
    public async Task Crm_AStatusFromAnEarlierDecisionArrivingLate_DoesNotOverwriteALaterOne()
    {
        var id = await CreateLeadAsync("late-status@acme.com", new { company = "Acme" });
        using var converted = await PostAsync($"/api/leads/{id}/convert");
        var lead = (await host.Services.GetRequiredService<ILeadStore>().FindAsync(id, default))!.Lead;
        var crm = host.Services.GetRequiredService<ICrmStore>();

        // Disqualified at 10:01, qualified again at 10:02; the 10:01 write comes last.
        await crm.SaveOpportunityStatusAsync(
            lead with
            {
                Stage = LifecycleStage.Opportunity,
                UpdatedAt = lead.UpdatedAt.AddMinutes(2),
            },
            default
        );
        await crm.SaveOpportunityStatusAsync(
            lead with
            {
                Stage = LifecycleStage.Disqualified,
                DisqualifyReason = "Lost",
                UpdatedAt = lead.UpdatedAt.AddMinutes(1),
            },
            default
        );

        var opportunity = (
            await host.Table(TableNames.Crm).GetEntityAsync<TableEntity>("opportunity", lead.Conversion!.OpportunityId)
        ).Value;
        Assert.Equal("open", opportunity.GetString("Status"));
        Assert.False(opportunity.ContainsKey("LostReason"));
    }

    [Fact]
    public async Task Crm_AConversionAttemptArrivingLate_DoesNotReopenALostOpportunity()
    {
        var id = await CreateLeadAsync("late-convert@acme.com", new { company = "Acme" });
        var before = (await host.Services.GetRequiredService<ILeadStore>().FindAsync(id, default))!.Lead;
        using var converted = await PostAsync($"/api/leads/{id}/convert");
        using var lost = await PostAsync($"/api/leads/{id}/disqualify", new { reason = "Lost" });
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);

        // A second convert, decided on a read from before the first, writes its records before its lead write is
        // refused.
        var conversion = (await converted.Content.ReadFromJsonAsync<LeadView>())!.Conversion!;
        await host
            .Services.GetRequiredService<ICrmStore>()
            .SaveConversionAsync(before, conversion with { At = DateTimeOffset.UtcNow }, default);

        var opportunity = (
            await host.Table(TableNames.Crm).GetEntityAsync<TableEntity>("opportunity", conversion.OpportunityId)
        ).Value;
        Assert.Equal(("lost", "Lost"), (opportunity.GetString("Status"), opportunity.GetString("LostReason")));
    }

    [Fact]
    public async Task Decisions_AHostThatDiedBeforeTheStatusWrite_IsRepairedWhenTheDecisionIsRetried()
    {
        var id = await CreateLeadAsync("died-midway@acme.com", new { company = "Acme" });
        using var converted = await PostAsync($"/api/leads/{id}/convert");
        var opportunityId = (await converted.Content.ReadFromJsonAsync<LeadView>())!.Conversion!.OpportunityId;

        // The disqualification's lead write landed; the host died before the opportunity's.
        var store = host.Services.GetRequiredService<ILeadStore>();
        var snapshot = await store.LoadAsync(id, default);
        var disqualified = snapshot.Lead! with
        {
            Stage = LifecycleStage.Disqualified,
            DisqualifyReason = "Budget cut",
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        Assert.Equal(SaveResult.Saved, await store.SaveAsync(LeadChange.Updated(disqualified, snapshot.ETag), default));

        // The client, never answered, sends it again: the lead is disqualified already, and the opportunity follows it
        // now.
        using var retried = await PostAsync($"/api/leads/{id}/disqualify", new { reason = "Budget cut" });
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        var opportunity = (
            await host.Table(TableNames.Crm).GetEntityAsync<TableEntity>("opportunity", opportunityId)
        ).Value;
        Assert.Equal(("lost", "Budget cut"), (opportunity.GetString("Status"), opportunity.GetString("LostReason")));
    }

    [Fact]
    public async Task Decisions_Disqualify_NeedsAReason_KeepsIt()
    {
        var id = await CreateLeadAsync("nope@acme.com");
        using var missing = await PostAsync($"/api/leads/{id}/disqualify", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);

        using var done = await PostAsync($"/api/leads/{id}/disqualify", new { reason = "No Longer Interested" });
        var lead = (await done.Content.ReadFromJsonAsync<LeadView>())!;
        Assert.Equal("disqualified", lead.Stage);
        Assert.Equal("No Longer Interested", lead.DisqualifyReason);
    }

    [Fact]
    public async Task Decisions_UnknownLeadOrNoKey_404And401()
    {
        using var unknown = await PostAsync($"/api/leads/{new string('a', 32)}/qualify");
        using var noKey = await host.Client.PostAsync($"/api/leads/{new string('a', 32)}/qualify", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }

    [Fact]
    public async Task ScoringModel_PutNeedsMasterKey_ValidatesAndTakesEffect()
    {
        var model = (await host.GetJsonWithKeyAsync<JsonObject>("/api/scoring-model"))!;
        model["mqlThreshold"] = 5;
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/scoring-model") { Content = JsonContent.Create(model) };
        using var withoutMaster = await host.Client.SendAsync(put);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutMaster.StatusCode);

        var invalid = JsonNode.Parse(model.ToJsonString())!.AsObject();
        invalid["mqlThreshold"] = 0;
        using var refused = await host.Client.SendAsync(
            WithBody(HttpMethod.Put, "/api/scoring-model", invalid, TestHost.MasterKey)
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("mqlThreshold", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A null where the model needs a value is a 400 too, not a 500.
        foreach (
            var (path, value) in new[]
            {
                ("fit", null),
                ("grades", null),
                ("fit.jobTitle", "[null]"),
                ("fit.companySize", "[null]"),
                ("engagement.events", "{\"x\": null}"),
            }
        )
        {
            var withNull = JsonNode.Parse(model.ToJsonString())!.AsObject();
            var parent = path.Contains('.', StringComparison.Ordinal)
                ? withNull[path.Split('.')[0]]!.AsObject()
                : withNull;
            parent[path.Split('.')[^1]] = value is null ? null : JsonNode.Parse(value);
            using var nullRefused = await host.Client.SendAsync(
                WithBody(HttpMethod.Put, "/api/scoring-model", withNull, TestHost.MasterKey)
            );
            Assert.True(nullRefused.StatusCode == HttpStatusCode.BadRequest, $"{path}: {nullRefused.StatusCode}");
        }

        // Saved from a Windows editor: with a UTF-8 byte order mark.
        using var bomPut = TestHost.WithKey(HttpMethod.Put, "/api/scoring-model", TestHost.MasterKey);
        bomPut.Content = new StringContent(
            "\uFEFF" + model.ToJsonString(),
            System.Text.Encoding.UTF8,
            "application/json"
        );
        using var stored = await host.Client.SendAsync(bomPut);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(
            5,
            (await host.GetJsonWithKeyAsync<JsonObject>("/api/scoring-model"))!["mqlThreshold"]!.GetValue<int>()
        );

        var id = await CreateLeadAsync("low-bar@acme.com");
        await Eventually.TrueAsync(
            async () => (await host.GetJsonWithKeyAsync<LeadView>($"/api/leads/{id}"))?.Stage == "mql",
            because: "the new threshold"
        );
    }

    [Fact]
    public async Task List_FiltersAndPages_WithoutInjection()
    {
        await CreateLeadAsync("list-a@acme.com", new { source = "fair" });
        await CreateLeadAsync("list-b@acme.com", new { source = "fair" });
        await CreateLeadAsync("list-c@acme.com", new { source = "web" });

        var fair = (await host.GetJsonWithKeyAsync<LeadPageView>("/api/leads?source=fair"))!;
        Assert.Equal(["list-a@acme.com", "list-b@acme.com"], fair.Items.Select(l => l.Email).Order());
        var emptyMeansAny = (
            await host.GetJsonWithKeyAsync<LeadPageView>(
                "/api/leads?stage=&source=fair&minScore=&q=&pageSize=&continuationToken="
            )
        )!;
        Assert.Equal(fair.Items.Select(l => l.Email).Order(), emptyMeansAny.Items.Select(l => l.Email).Order());

        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = (
                await host.GetJsonWithKeyAsync<LeadPageView>(
                    $"/api/leads?source=fair&pageSize=1{(token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token))}"
                )
            )!;
            paged.AddRange(page.Items.Select(l => l.Email));
            token = page.ContinuationToken;
        } while (token is not null);
        Assert.Equal(["list-a@acme.com", "list-b@acme.com"], paged.Order());

        var byPrefix = (await host.GetJsonWithKeyAsync<LeadPageView>("/api/leads?q=list-c"))!;
        Assert.Equal("list-c@acme.com", Assert.Single(byPrefix.Items).Email);

        var injected = (
            await host.GetJsonWithKeyAsync<LeadPageView>($"/api/leads?q={Uri.EscapeDataString("' or RowKey ne '")}")
        )!;
        Assert.Empty(injected.Items);

        using var badStage = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/leads?stage=boss"));
        using var badToken = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Get, "/api/leads?continuationToken=%25%25%25")
        );
        Assert.Equal(HttpStatusCode.BadRequest, badStage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badToken.StatusCode);
    }

    private static HttpRequestMessage WithBody(HttpMethod method, string uri, JsonNode body, string key)
    {
        var request = TestHost.WithKey(method, uri, key);
        request.Content = JsonContent.Create(body);
        return request;
    }
}
