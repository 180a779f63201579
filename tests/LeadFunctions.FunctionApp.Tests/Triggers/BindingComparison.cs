namespace LeadFunctions.FunctionApp.Tests.Triggers;

/// <summary>Every difference between the two hosts' functions, each said so that whoever reads it knows which file to
/// change.</summary>
public static class BindingComparison
{
    public static IReadOnlyList<string> Differences(
        IReadOnlyDictionary<string, FunctionBinding> selfHosted,
        IReadOnlyDictionary<string, FunctionBinding> functionApp
    )
    {
        var differences = new List<string>();
        foreach (var (name, binding) in selfHosted.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!functionApp.TryGetValue(name, out var wrapper))
            {
                differences.Add(
                    $"{name} ({binding}) is bound by the self-hosted runtime but has no [Function(\"{name}\")] "
                        + $"wrapper in src/LeadFunctions.FunctionApp: run ./scripts/generate-functions.sh, or it "
                        + $"will not run on Azure."
                );
            }
            else if (wrapper != binding)
            {
                differences.Add($"{name} differs: self-hosted has {binding}, the FunctionApp's wrapper has {wrapper}.");
            }
        }

        differences.AddRange(
            functionApp
                .Keys.Except(selfHosted.Keys, StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(name =>
                    $"{name} ({functionApp[name]}) has a [Function] wrapper in src/LeadFunctions.FunctionApp but is "
                    + $"not bound by the self-hosted runtime: it would run on Azure only."
                )
        );
        return differences;
    }
}
