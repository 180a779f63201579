using System.Text.RegularExpressions;
using LeadFunctions.Testing;

namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// The code under <c>src/</c> keeps the line length <c>.editorconfig</c> states (<c>max_line_length</c>): CSharpier
/// keeps the code within it, and this holds what it cannot break (comments, strings).
/// </summary>
public sealed partial class LineLengthRules
{
    [Fact]
    public void Source_lines_keep_the_editorconfig_line_length()
    {
        var root = AzuriteProcess.RepositoryRoot();
        var limit = int.Parse(
            MaxLineLength().Match(File.ReadAllText(Path.Combine(root, ".editorconfig"))).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture
        );
        var separator = Path.DirectorySeparatorChar;
        var tooLong =
            from file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            where !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            where line.text.Length > limit
            select $"{Path.GetRelativePath(root, file)}:{line.number} ({line.text.Length} characters)";

        Assert.Empty(tooLong);
    }

    [GeneratedRegex(@"^max_line_length\s*=\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex MaxLineLength();
}
