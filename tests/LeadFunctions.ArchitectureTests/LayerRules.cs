using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// Which project may know which: Core knows none of the others and no host or vendor SDK; Adapters implement Core's
/// ports and know no function or host; Functions know neither host. The rule on which Functions files may name
/// Adapters types is <see cref="FunctionsCompositionRules"/>.
/// </summary>
public sealed class LayerRules
{
    /// <summary>ASP.NET Core, the Azure SDK and Functions worker, SendGrid.</summary>
    private static readonly string[] HostsAndVendorSdks =
    [
        "Microsoft.AspNetCore",
        "Azure",
        "Microsoft.Azure",
        "SendGrid",
    ];

    [Fact]
    public void Core_depends_on_no_host_framework_vendor_sdk_or_other_project() =>
        Types()
            .That()
            .ResideInNamespaceMatching(Solution.AndBelow(Solution.Core))
            .Should()
            .NotDependOnAnyTypesThat()
            .ResideInNamespaceMatching(
                AnyOf([
                    .. HostsAndVendorSdks,
                    Solution.Adapters,
                    Solution.Functions,
                    Solution.Host,
                    Solution.FunctionApp,
                ])
            )
            .Because("Core holds the domain rules and use cases, and talks to the world through its own ports")
            .Check(Solution.Architecture);

    [Fact]
    public void Adapters_depend_on_no_function_or_host() =>
        Types()
            .That()
            .ResideInNamespaceMatching(Solution.AndBelow(Solution.Adapters))
            .Should()
            .NotDependOnAnyTypesThat()
            .ResideInNamespaceMatching(AnyOf([Solution.Functions, Solution.Host, Solution.FunctionApp]))
            .Because("adapters implement Core's ports for whichever host runs the functions")
            .Check(Solution.Architecture);

    [Fact]
    public void Functions_depend_on_no_host() =>
        Types()
            .That()
            .ResideInNamespaceMatching(Solution.AndBelow(Solution.Functions))
            .Should()
            .NotDependOnAnyTypesThat()
            .ResideInNamespaceMatching(AnyOf([Solution.Host, Solution.FunctionApp]))
            .Because("the function classes are host-neutral: the self-hosted runtime and the Azure worker run them")
            .Check(Solution.Architecture);

    private static string AnyOf(IEnumerable<string> roots) => string.Join('|', roots.Select(Solution.AndBelow));
}
