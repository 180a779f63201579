namespace LeadFunctions.FunctionApp.Tests.Triggers;

public sealed class BindingsTests
{
    [Fact]
    public async Task FunctionAppMetadata_EveryFunction_MatchesTheSelfHostedBinding()
    {
        Assert.True(
            File.Exists(FunctionAppMetadata.FilePath),
            $"No {FunctionAppMetadata.FilePath}: build src/LeadFunctions.FunctionApp (the solution build does)."
        );
        var functionApp = FunctionAppMetadata.Read(await File.ReadAllTextAsync(FunctionAppMetadata.FilePath));
        var selfHosted = await SelfHostedBindings.ReadAsync();

        var differences = BindingComparison.Differences(selfHosted, functionApp);

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Contains(selfHosted.Values, b => b.Trigger == "http");
        Assert.Contains(selfHosted.Values, b => b.Trigger == "queue");
        Assert.Contains(selfHosted.Values, b => b.Trigger == "timer");
    }

    [Fact]
    public void Differences_FunctionOnOneHostOnly_NamesItAndTheFileToChange()
    {
        var selfHosted = new Dictionary<string, FunctionBinding>
        {
            ["GrantConsent"] = FunctionBinding.Http("consent/confirm", ["post"], "Anonymous"),
            ["SubmitLead"] = FunctionBinding.Http("leads", ["post"], "Anonymous"),
        };
        var functionApp = new Dictionary<string, FunctionBinding>
        {
            ["SubmitLead"] = FunctionBinding.Http("leads", ["POST"], "Anonymous"),
            ["ProcessLeadIntake"] = FunctionBinding.QueueTrigger("lead-intake", "AzureWebJobsStorage"),
        };

        var differences = BindingComparison.Differences(selfHosted, functionApp);

        Assert.Collection(
            differences,
            missingWrapper =>
                Assert.StartsWith(
                    "GrantConsent (HTTP POST 'consent/confirm' level Anonymous) is bound by the self-hosted runtime "
                        + "but has no [Function(\"GrantConsent\")] wrapper",
                    missingWrapper,
                    StringComparison.Ordinal
                ),
            azureOnly =>
                Assert.StartsWith(
                    "ProcessLeadIntake (queue 'lead-intake' on connection 'AzureWebJobsStorage') has a [Function] "
                        + "wrapper",
                    azureOnly,
                    StringComparison.Ordinal
                )
        );
    }

    [Theory]
    [InlineData(
        """[{ "name": "GetLead", "bindings": [{ "type": "httpTrigger", "direction": "In", "authLevel": "Anonymous", "methods": ["get"], "route": "leads/{id}" }, { "type": "http", "direction": "Out" }] }]"""
    )]
    [InlineData(
        """[{ "name": "GetLead", "bindings": [{ "type": "httpTrigger", "direction": "In", "authLevel": "Function", "methods": ["get", "post"], "route": "leads/{id}" }] }]"""
    )]
    [InlineData(
        """[{ "name": "GetLead", "bindings": [{ "type": "httpTrigger", "direction": "In", "authLevel": "Function", "methods": ["get"], "route": "lead/{id}" }] }]"""
    )]
    [InlineData(
        """[{ "name": "GetLead", "bindings": [{ "type": "queueTrigger", "direction": "In", "queueName": "leads", "connection": "AzureWebJobsStorage" }] }]"""
    )]
    public void Differences_TriggerDiffersInOneField_IsReported(string metadata)
    {
        var selfHosted = new Dictionary<string, FunctionBinding>
        {
            ["GetLead"] = FunctionBinding.Http("leads/{id}", ["GET"], "Function"),
        };

        var difference = Assert.Single(BindingComparison.Differences(selfHosted, FunctionAppMetadata.Read(metadata)));

        Assert.StartsWith(
            "GetLead differs: self-hosted has HTTP GET 'leads/{id}' level Function, the FunctionApp's wrapper has ",
            difference,
            StringComparison.Ordinal
        );
    }
}
