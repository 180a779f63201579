using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// Functions names Adapters types only in its composition, the <c>*Registration</c> classes: the function classes
/// reach storage, queues and vendors through Core's ports.
/// </summary>
public sealed class FunctionsCompositionRules
{
    [Fact]
    public void Functions_name_adapters_only_in_their_registrations() =>
        Types()
            .That()
            .ResideInNamespaceMatching(Solution.AndBelow(Solution.Functions))
            .And()
            .DoNotHaveFullNameContaining("Registration")
            .Should()
            .NotDependOnAnyTypesThat()
            .ResideInNamespaceMatching(Solution.AndBelow(Solution.Adapters))
            .Because(
                "a function parses its input, calls one Core use case and answers; only composition knows adapters"
            )
            .Check(Solution.Architecture);
}
