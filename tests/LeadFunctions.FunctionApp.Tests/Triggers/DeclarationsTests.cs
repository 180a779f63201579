using LeadFunctions.Codegen;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Testing;

namespace LeadFunctions.FunctionApp.Tests.Triggers;

/// <summary>A function is declared once, on its class; both hosts' bindings are written from that
/// declaration.</summary>
public sealed class DeclarationsTests
{
    [Fact]
    public async Task EveryDeclaredFunction_AppearsOnBothHosts_AsDeclared()
    {
        var selfHosted = await SelfHostedBindings.ReadAsync();
        var functionApp = FunctionAppMetadata.Read(await File.ReadAllTextAsync(FunctionAppMetadata.FilePath));

        Assert.True(FunctionDeclaration.All.Count >= 50, $"{FunctionDeclaration.All.Count} declared functions");
        foreach (var function in FunctionDeclaration.All)
        {
            var declared = Declared(function);
            Assert.True(
                selfHosted.TryGetValue(function.Name, out var self),
                $"{function.Name} is declared but not bound by the self-hosted runtime."
            );
            Assert.True(
                functionApp.TryGetValue(function.Name, out var azure),
                $"{function.Name} is declared but has no Azure wrapper."
            );
            Assert.Equal(declared, self);
            Assert.Equal(declared, azure);
        }
    }

    [Fact]
    public void CheckedInGeneratedFiles_AreWhatTheDeclarationsWrite()
    {
        var root = AzuriteProcess.RepositoryRoot();
        var stale = GeneratedFiles
            .All()
            .Where(file =>
                !File.Exists(Path.Combine(root, file.RelativePath))
                || File.ReadAllText(Path.Combine(root, file.RelativePath)).ReplaceLineEndings("\n") != file.Content
            )
            .Select(file => file.RelativePath)
            .Concat(GeneratedFiles.Orphans(root))
            .ToList();

        Assert.True(
            stale.Count == 0,
            $"Stale: {string.Join(", ", stale)}. Run ./scripts/generate-functions.sh and commit the result."
        );
    }

    [Fact]
    public void Declarations_NameEachFunctionAsItsClass_AndNoNameTwice()
    {
        var names = FunctionDeclaration.All.Select(f => f.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(FunctionDeclaration.All, f => Assert.Equal(f.Type.Name, f.Name));
        Assert.Contains("DispatchNurtureSends", names);
        Assert.Contains("SendNurtureBatch", names);
    }

    private static FunctionBinding Declared(FunctionDeclaration function) =>
        function.Trigger switch
        {
            HttpFunctionAttribute http => FunctionBinding.Http(
                http.Route,
                http.Methods,
                http.Level.ToString(),
                http.PublicIntake
            ),
            QueueFunctionAttribute queue => FunctionBinding.QueueTrigger(queue.QueueName, "AzureWebJobsStorage"),
            TimerFunctionAttribute timer => FunctionBinding.TimerTrigger(timer.Schedule, timer.RunOnStartup),
            _ => throw new InvalidOperationException(function.Name),
        };
}
