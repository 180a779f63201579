using System.Text.RegularExpressions;
using LeadFunctions.Testing;

namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// Every file the README and <c>docs/</c> name by its path exists: a file merged, moved or renamed takes its mentions
/// with it (docs/request-paths.md lists every file two paths cross). Patterns such as
/// <c>src/LeadFunctions.Functions/&lt;Feature&gt;/&lt;Name&gt;.cs</c> are not paths, and what a run writes under
/// <c>bin/</c> is not in a fresh checkout: both are left alone.
/// </summary>
public sealed partial class DocumentedPathRules
{
    [Fact]
    public void Every_file_a_document_names_exists()
    {
        var root = AzuriteProcess.RepositoryRoot();
        var documents = Directory
            .EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "README.md"));
        var missing =
            from document in documents
            from match in FilePath().Matches(File.ReadAllText(document))
            let path = match.Value
            where !IsBuildOutput(path) && !File.Exists(Path.Combine(root, path))
            select $"{Path.GetRelativePath(root, document)}: {path}";

        Assert.Empty(missing.Distinct());
    }

    [Fact]
    public void The_rule_sees_the_paths_of_the_reading_list()
    {
        var list = File.ReadAllText(Path.Combine(AzuriteProcess.RepositoryRoot(), "docs", "request-paths.md"));

        Assert.True(FilePath().Count(list) > 100);
    }

    /// <summary>What a build or a test run writes (a screenshot under <c>bin/</c>): there only after a run.</summary>
    private static bool IsBuildOutput(string path) =>
        path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal);

    /// <summary>A path from the repository's root to a file with an extension, with no placeholder in it.</summary>
    [GeneratedRegex(@"\b(?:src|tests|tools|scripts|infra|bench)/[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.[a-z]+\b")]
    private static partial Regex FilePath();
}
