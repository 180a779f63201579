namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// Core's feature namespaces (<c>LeadFunctions.Core.&lt;Feature&gt;</c>, each with what lies below it) depend on each
/// other without a cycle, so that each can be read, tested and changed from the features it builds on upwards.
/// </summary>
public sealed class CoreFeatureRules
{
    [Fact]
    public void Core_features_form_no_cycle()
    {
        var cycles = FeatureGraph.Of(Solution.Architecture.Types, Solution.Core).Cycles();

        Assert.True(
            cycles.Count == 0,
            $"{Solution.Core}'s features depend on each other in a cycle:{Environment.NewLine}"
                + string.Join(Environment.NewLine, cycles)
        );
    }
}
