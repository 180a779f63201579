using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.IntegrationTests.Campaigns;

[Collection(AzuriteCollection.Name)]
public sealed class CampaignRoutesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>docs/campaigns.md, "A campaign", as a client sends it.</summary>
    private const string Example = """
        { "name": "Fair follow-up", "active": true, "priority": 10,
          "trigger": { "stageEntered": ["lead"], "events": ["webinar_attended"], "sources": ["fair"] },
          "audience": { "stages": ["subscriber", "lead"], "sources": ["web", "fair"], "minScore": 0 },
          "steps": [
            { "id": "welcome", "delay": "PT0S", "subject": "Hoş geldiniz {{ lead.firstName }}",
              "html": "<p>Merhaba {{ lead.firstName }}</p>", "text": "Merhaba {{ lead.firstName }}",
              "translations": { "en": { "subject": "Welcome {{ lead.firstName }}", "html": "<p>Hello</p>",
                "text": "Hello" } } },
            { "id": "case-study", "delay": "P2D", "subject": "...", "html": "...", "text": "..." } ],
          "stopWhen": { "stages": ["sql", "opportunity", "customer", "disqualified"], "events": ["demo_request"] },
          "sendWindow": { "from": "09:00", "to": "18:00", "days": ["Mon", "Tue", "Wed", "Thu", "Fri"] } }
        """;

    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<HttpResponseMessage> PutAsync(string id, string body, string contentType = "application/json")
    {
        var request = TestHost.WithKey(HttpMethod.Put, $"/api/campaigns/{id}");
        request.Content = new StringContent(body, Encoding.UTF8, contentType);
        return await host.Client.SendAsync(request);
    }

    private async Task<int> StoredRowsAsync() =>
        (await host.Table(TableNames.Campaigns).QueryAsync<TableEntity>(select: ["RowKey"]).ToListAsync()).Count;

    [Fact]
    public async Task PutCampaign_ApiExample_201ThenGetAnswersTheSameShape()
    {
        using var created = await PutAsync("fair-2026", Example);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/campaigns/fair-2026", created.Headers.Location?.OriginalString);

        using var got = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/campaigns/fair-2026"));
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        var document = JsonNode.Parse(await got.Content.ReadAsStringAsync())!;
        var sent = JsonNode.Parse(Example)!.AsObject();
        foreach (var (name, value) in sent)
        {
            Assert.True(
                JsonNode.DeepEquals(value, document[name]),
                $"{name}: sent {value?.ToJsonString()}, got {document[name]?.ToJsonString()}"
            );
        }

        Assert.Equal("fair-2026", (string?)document["id"]);
        Assert.False((bool)document["archived"]!);
        Assert.True(DateTimeOffset.UtcNow - (DateTimeOffset)document["updatedAt"]! < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task PutCampaign_Again_200AndReplacedAndSeenByTheCatalogAtOnce()
    {
        var catalog = host.Services.GetRequiredService<ICampaignCatalog>();
        (await PutAsync("c1", Example)).Dispose();
        Assert.Equal("Fair follow-up", (await catalog.FindAsync("c1", default))?.Name);

        using var replaced = await PutAsync(
            "c1",
            Example.Replace("Fair follow-up", "Fuar takibi", StringComparison.Ordinal)
        );

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Fuar takibi", (await catalog.FindAsync("c1", default))?.Name);
        Assert.Equal(1, await StoredRowsAsync());
    }

    [Fact]
    public async Task PutCampaign_GetAnswerSentBack_200()
    {
        (await PutAsync("c1", Example)).Dispose();
        using var got = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/campaigns/c1"));

        using var again = await PutAsync("c1", await got.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ListAndArchive_ArchivedLeavesTheListUnlessAskedFor()
    {
        (await PutAsync("b-campaign", Example)).Dispose();
        (await PutAsync("a-campaign", Example)).Dispose();

        using var archived = await host.Client.SendAsync(
            TestHost.WithKey(HttpMethod.Delete, "/api/campaigns/b-campaign")
        );
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);

        Assert.Equal(["a-campaign"], await ListedIdsAsync("/api/campaigns"));
        Assert.Equal(["a-campaign", "b-campaign"], await ListedIdsAsync("/api/campaigns?includeArchived=true"));
        var stored = await host.Services.GetRequiredService<ICampaignStore>().GetAsync("b-campaign", default);
        Assert.True(stored is { Archived: true, Active: false });
        var active = await host.Services.GetRequiredService<ICampaignCatalog>().ActiveAsync(default);
        Assert.DoesNotContain(active, c => c.Id == "b-campaign");
        Assert.Contains(active, c => c.Id == "a-campaign");
    }

    private async Task<List<string?>> ListedIdsAsync(string uri)
    {
        using var response = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, uri));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
        return [.. items.Select(i => (string?)i!["id"])];
    }

    [Fact]
    public async Task GetAndArchive_Missing_404Problem()
    {
        using var get = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Get, "/api/campaigns/nope"));
        using var delete = await host.Client.SendAsync(TestHost.WithKey(HttpMethod.Delete, "/api/campaigns/nope"));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    [Theory]
    [InlineData("\"delay\": \"P2D\"", "\"delay\": \"two days\"", "steps[1].delay")]
    [InlineData("\"from\": \"09:00\"", "\"from\": \"9am\"", "sendWindow.from")]
    [InlineData("\"Fri\"", "\"Cuma\"", "sendWindow.days")]
    [InlineData("<p>Merhaba {{ lead.firstName }}</p>", "<p>{{ lead.password }}</p>", "steps[0].html")]
    [InlineData("\"text\": \"...\"", "\"text\": \"{% if %}\"", "steps[1].text")]
    [InlineData("[\"lead\"]", "[\"prospect\"]", "trigger.stageEntered")]
    [InlineData("\"demo_request\"", "\"bought\"", "stopWhen.events")]
    [InlineData("\"id\": \"case-study\"", "\"id\": \"welcome\"", "steps[1].id")]
    public async Task PutCampaign_BadDefinition_400WithTheFieldAndNothingStored(
        string find,
        string replace,
        string field
    )
    {
        using var response = await PutAsync("c1", Example.Replace(find, replace, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Contains(field, problem!.Errors.Keys);
        Assert.Equal(0, await StoredRowsAsync());
    }

    [Fact]
    public async Task PutCampaign_RawFilterInSubjectHtmlAndText_400WithEachFieldNothingStored()
    {
        var body = Example
            .Replace(
                "Hoş geldiniz {{ lead.firstName }}",
                "Hoş geldiniz {{lead.firstName|raw}}",
                StringComparison.Ordinal
            )
            .Replace(
                "<p>Merhaba {{ lead.firstName }}</p>",
                "<p>Merhaba {% if lead.company %}{{ lead.company | raw }}{% endif %}</p>",
                StringComparison.Ordinal
            )
            .Replace(
                "\"text\": \"...\"",
                "\"text\": \"{% assign c = lead.company | raw %}{{ c }}\"",
                StringComparison.Ordinal
            );

        using var response = await PutAsync("c1", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Equal(
            ["steps[0].html", "steps[0].subject", "steps[1].text"],
            problem!.Errors.Keys.Order(StringComparer.Ordinal)
        );
        Assert.All(problem.Errors.Values, errors =>
            Assert.Contains("'raw'", Assert.Single(errors), StringComparison.Ordinal)
        );
        Assert.Equal(0, await StoredRowsAsync());
    }

    [Fact]
    public async Task PutCampaign_MisspeltFieldOrIdOfAnotherCampaign_400()
    {
        using var misspelt = await PutAsync(
            "c1",
            Example.Replace("\"stopWhen\"", "\"stopsWhen\"", StringComparison.Ordinal)
        );
        using var otherId = await PutAsync(
            "c1",
            Example.Replace("{ \"name\"", "{ \"id\": \"c2\", \"name\"", StringComparison.Ordinal)
        );

        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherId.StatusCode);
        Assert.Equal(0, await StoredRowsAsync());
    }

    [Fact]
    public async Task PutCampaign_BadRouteId_400()
    {
        using var response = await PutAsync(new string('x', 65), Example);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PutCampaign_Over256KiB_413()
    {
        var body = Example.Replace(
            "\"html\": \"...\"",
            $"\"html\": \"{new string('x', 300 * 1024)}\"",
            StringComparison.Ordinal
        );
        using var response = await PutAsync("c1", body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredRowsAsync());
    }

    [Fact]
    public async Task PutCampaign_NotJson_415()
    {
        using var response = await PutAsync("c1", Example, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT", "campaigns/c1")]
    [InlineData("GET", "campaigns/c1")]
    [InlineData("GET", "campaigns")]
    [InlineData("DELETE", "campaigns/c1")]
    public async Task CampaignRoutes_WithoutKey_401(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/{path}")
        {
            Content = new StringContent(Example, Encoding.UTF8, "application/json"),
        };
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredRowsAsync());
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}
