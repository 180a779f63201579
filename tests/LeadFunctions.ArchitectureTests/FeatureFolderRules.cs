using LeadFunctions.Testing;

namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// A feature has one name in every project: an adapter lives in the folder of the Core feature whose port it
/// implements, and every folder of Adapters, Functions, FunctionApp and the test projects is a Core feature or one of
/// the few folders that hold no feature.
/// </summary>
public sealed class FeatureFolderRules
{
    /// <summary>The folders that hold no feature, and what they hold instead.</summary>
    private static readonly Dictionary<string, string> SharedFolders = new(StringComparer.Ordinal)
    {
        ["Storage"] = "the table and queue clients, names and options every storage adapter shares",
        ["Http"] = "reading requests and writing answers, for every HTTP function",
        ["Triggers"] = "the declarations a function carries and what both hosts make of them",
        ["OpenApi"] = "the API document",
        ["Runtime"] = "what runs the functions: middleware, listeners, timers, storage connections",
        ["Settings"] = "app settings, host.json and the Bicep template checked against the code",
        ["Infrastructure"] = "the integration tests' Azurite, hosts and stand-ins for remote services",
        ["Demo"] = "the demo seeder",
        ["Development"] = "the local mailbox that stands in for SendGrid on a developer's machine",
    };

    private static readonly string[] ProjectsByFeature =
    [
        "src/LeadFunctions.Adapters",
        "src/LeadFunctions.Functions",
        "src/LeadFunctions.FunctionApp",
        "tests/LeadFunctions.Core.Tests",
        "tests/LeadFunctions.Adapters.Tests",
        "tests/LeadFunctions.Functions.Tests",
        "tests/LeadFunctions.FunctionApp.Tests",
        "tests/LeadFunctions.IntegrationTests",
    ];

    [Fact]
    public void Every_adapter_lives_in_the_feature_of_the_ports_it_implements()
    {
        var misplaced =
            from type in typeof(Adapters.StorageRegistration).Assembly.GetTypes()
            from port in type.GetInterfaces()
            where port.Namespace?.StartsWith(Solution.Core + ".", StringComparison.Ordinal) == true
            let feature = port.Namespace!.Split('.')[2]
            where type.Namespace != $"{Solution.Adapters}.{feature}"
            select $"{type.FullName} implements {port.FullName}: it belongs in {Solution.Adapters}.{feature}";

        Assert.Empty(misplaced);
    }

    [Fact]
    public void Every_folder_is_a_core_feature_or_a_shared_folder()
    {
        var features = Folders("src/LeadFunctions.Core").ToHashSet(StringComparer.Ordinal);
        var strays =
            from project in ProjectsByFeature
            from folder in Folders(project)
            where !features.Contains(folder) && !SharedFolders.ContainsKey(folder)
            select $"{project}/{folder}";

        Assert.Empty(strays);
    }

    private static IEnumerable<string> Folders(string project) =>
        Directory
            .EnumerateDirectories(Path.Combine(AzuriteProcess.RepositoryRoot(), project))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj"));
}
