using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Text;
using LeadFunctions.Core.Workspace;

namespace LeadFunctions.Core.Tests.Workspace;

public class LeadSearchTests
{
    private static LeadSearchForm Form(
        string email = "",
        string stage = "",
        string source = "",
        string temperature = "",
        string minScore = "",
        string? page = null
    ) => new(email, stage, source, temperature, minScore, page);

    [Fact]
    public void ToFilter_AsTyped_TheApisFilter_TheEmailTrimmedAndInLowerCase()
    {
        var (filter, errors) = Form(" Ayse@Example.", "mql", "fair", "hot", "40").ToFilter();

        Assert.Empty(errors);
        Assert.Equal(new LeadFilter(LifecycleStage.Mql, "fair", 40, "ayse@example.", Temperature.Hot), filter);
    }

    [Fact]
    public void ToFilter_NothingTyped_EveryLead()
    {
        var (filter, errors) = LeadSearchForm.Empty.ToFilter();

        Assert.Empty(errors);
        Assert.Equal(new LeadFilter(null, null, null, null, null), filter);
    }

    [Fact]
    public void ToFilter_FieldsNotValid_NoFilter_EachFieldsError()
    {
        var (filter, errors) = Form("a\tb", "boss", "Fair Stand", "tepid", "forty").ToFilter();

        Assert.Null(filter);
        Assert.Equal(
            new Dictionary<string, TextId>
            {
                ["q"] = TextId.LeadsEmailRule,
                ["stage"] = TextId.LeadsChoiceRule,
                ["source"] = TextId.LeadsSourceRule,
                ["temperature"] = TextId.LeadsChoiceRule,
                ["minScore"] = TextId.LeadsMinScoreRule,
            },
            errors
        );
    }

    [Fact]
    public void Link_KeepsTheSearch_EncodedAtTheNextPage()
    {
        var form = Form("ayşe&x@", stage: "mql");

        Assert.Equal("/api/app/leads?q=ay%C5%9Fe%26x%40&stage=mql&page=t%2B1", form.Link("t+1"));
        Assert.Equal("/api/app/leads", LeadSearchForm.Empty.Link(null));
    }

    [Fact]
    public void Read_TheQueryParameters_AnEmptyPageIsTheFirst()
    {
        var query = new Dictionary<string, string>
        {
            ["q"] = "a@",
            ["minScore"] = "5",
            ["page"] = "",
        };

        var form = LeadSearchForm.Read(query.GetValueOrDefault);

        Assert.Equal(Form("a@", minScore: "5"), form);
    }

    [Fact]
    public async Task SearchAsync_OnePageOfTheQuery_WithTheNextPagesToken()
    {
        var query = new RecordingQuery { Next = "next" };

        var result = await new LeadSearch(query).SearchAsync(Form("a@", page: "this"), default);

        Assert.Equal([("this", LeadSearch.PageSize)], query.Asked);
        Assert.Equal("next", result.Next);
        Assert.Single(result.Leads);
    }

    [Fact]
    public async Task SearchAsync_FieldsNotValid_NothingRead()
    {
        var query = new RecordingQuery();

        var result = await new LeadSearch(query).SearchAsync(Form(minScore: "x"), default);

        Assert.Empty(query.Asked);
        Assert.Empty(result.Leads);
        Assert.Contains("minScore", result.Errors.Keys);
    }

    [Fact]
    public async Task SearchAsync_APageTokenNotFromAPage_SaysSo()
    {
        var query = new RecordingQuery { Refuse = true };

        var result = await new LeadSearch(query).SearchAsync(Form(page: "forged"), default);

        Assert.Equal(TextId.LeadsPageUnknown, result.Errors["page"]);
        Assert.Empty(result.Leads);
    }

    [Fact]
    public void Render_EveryFieldLabelled_ErrorsBesideThem_ValuesEncoded()
    {
        var result = new LeadSearchResult(
            Form("<b>", minScore: "x"),
            new Dictionary<string, TextId> { ["minScore"] = TextId.LeadsMinScoreRule },
            [LeadDetailPageTests.Lead()],
            "next"
        );

        var html = LeadSearchPage.Render(LeadDetailPageTests.Shell(), result);

        foreach (var field in new[] { "q", "stage", "source", "temperature", "minScore" })
        {
            Assert.Contains($"<label for=\"{field}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("aria-describedby=\"minScore-error\"", html, StringComparison.Ordinal);
        Assert.Contains(
            "<span class=\"error\" id=\"minScore-error\">A whole number.</span>",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("value=\"&lt;b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("Ayşe &amp; &quot;Aşk&quot; Yılmaz", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
    }

    private sealed class RecordingQuery : ILeadQuery
    {
        public List<(string? Token, int Size)> Asked { get; } = [];

        public string? Next { get; init; }

        public bool Refuse { get; init; }

        public Task<LeadPage> ListAsync(
            LeadFilter filter,
            string? continuationToken,
            int pageSize,
            CancellationToken cancellationToken
        )
        {
            Asked.Add((continuationToken, pageSize));
            return Refuse
                ? throw new FormatException("not a token")
                : Task.FromResult(new LeadPage([LeadDetailPageTests.Lead()], Next));
        }
    }
}
