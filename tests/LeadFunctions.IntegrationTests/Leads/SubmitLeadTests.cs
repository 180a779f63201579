using System.Net;
using System.Net.Http.Json;
using System.Text;
using LeadFunctions.Core.Queues;
using LeadFunctions.Functions.Leads;
using LeadFunctions.IntegrationTests.Infrastructure;

namespace LeadFunctions.IntegrationTests.Leads;

[Collection(AzuriteCollection.Name)]
public sealed class SubmitLeadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestHost host = null!;

    public async Task InitializeAsync() => host = await TestHost.StartAsync(azurite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SubmitLead_Json_TravelsThroughQueueToTableAndReadsBack()
    {
        using var response = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new
            {
                email = " Ayse.Yilmaz@Example.com",
                firstName = "Ayşe",
                lastName = "Yılmaz",
                company = "Acme A.Ş.",
                utm_source = "linkedin",
                consentEmail = true,
            }
        );

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<SubmissionAccepted>();
        Assert.Equal("accepted", accepted!.Status);
        Assert.Equal($"/api/leads/{accepted.Id}", response.Headers.Location?.ToString());

        var lead = await Eventually.GetAsync(
            () => host.GetJsonWithKeyAsync<LeadView>(response.Headers.Location!.ToString()),
            because: "the lead to be processed"
        );
        Assert.Equal("ayse.yilmaz@example.com", lead.Email);
        Assert.Equal("Ayşe", lead.FirstName);
        Assert.Equal("Yılmaz", lead.LastName);
        Assert.Equal("lead", lead.Stage);
        Assert.Equal("granted", lead.Consent.Email);
        Assert.Equal("linkedin", lead.SourceDetail["utm_source"]);
    }

    [Fact]
    public async Task SubmitLead_PlainHtmlForm_IsAccepted()
    {
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["email"] = "sule.caglar@example.com",
                ["firstName"] = "Şule",
                ["lastName"] = "Çağlar",
                ["consentEmail"] = "on",
            }
        );
        using var response = await host.Client.PostAsync("/api/leads", form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var lead = await Eventually.GetAsync(() =>
            host.GetJsonWithKeyAsync<LeadView>(response.Headers.Location!.ToString())
        );
        Assert.Equal("Şule", lead.FirstName);
        Assert.Equal("granted", lead.Consent.Email);
    }

    [Theory]
    [InlineData("application/json", "{\"email\":\"not-an-email\"}", 400)]
    [InlineData("application/json", "{\"email\":", 400)]
    [InlineData("application/json", "[1,2,3]", 400)]
    [InlineData("application/json", "{\"email\":{\"$ne\":null}}", 400)]
    [InlineData("application/json", "{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}", 400)]
    [InlineData("application/json", "{\"email\":\"a@example.com\",\"firstName\":\"<script>alert(1)</script>\"}", 400)]
    [InlineData("text/plain", "email=a@example.com", 415)]
    [InlineData("application/xml", "<lead><email>a@example.com</email></lead>", 415)]
    public async Task SubmitLead_BadInput_ProblemAndNothingQueued(string contentType, string body, int status)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await host.Client.PostAsync("/api/leads", content);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task SubmitLead_JsonWithByteOrderMark_IsAccepted()
    {
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"email\":\"bom@example.com\"}"u8]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await host.Client.PostAsync("/api/leads", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task SubmitLead_InvalidUtf8_400AndNothingQueued()
    {
        using var content = new ByteArrayContent([
            .. "{\"email\":\"a@example.com\",\"firstName\":\""u8,
            0xC3,
            0x28,
            .. "\"}"u8,
        ]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await host.Client.PostAsync("/api/leads", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task SubmitLead_BodyOverLimit_413()
    {
        var big = new string('x', SubmitLead.MaxBodyBytes);
        using var response = await host.Client.PostAsJsonAsync(
            "/api/leads",
            new { email = "a@example.com", consentText = big }
        );
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingQueuedAsync();
    }

    [Fact]
    public async Task SubmitLead_ValidationError_NamesEachField()
    {
        using var response = await host.Client.PostAsJsonAsync("/api/leads", new { email = "", phone = "call me" });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("email", problem!.Errors.Keys);
        Assert.Contains("phone", problem.Errors.Keys);
    }

    private async Task AssertNothingQueuedAsync()
    {
        var properties = await host.Queue(QueueNames.LeadIntake).GetPropertiesAsync();
        Assert.Equal(0, properties.Value.ApproximateMessagesCount);
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}
