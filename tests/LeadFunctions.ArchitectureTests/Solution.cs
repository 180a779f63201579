using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace LeadFunctions.ArchitectureTests;

/// <summary>The solution's own assemblies, loaded once for all rules, and the root namespace of each project.</summary>
internal static class Solution
{
    public const string Core = "LeadFunctions.Core";
    public const string Adapters = "LeadFunctions.Adapters";
    public const string Functions = "LeadFunctions.Functions";
    public const string Host = "LeadFunctions.Host";
    public const string FunctionApp = "LeadFunctions.FunctionApp";

    public static readonly Architecture Architecture = new ArchLoader()
        .LoadAssemblies(
            typeof(Core.Leads.Lead).Assembly,
            typeof(Adapters.StorageRegistration).Assembly,
            typeof(Functions.LeadPipelineRegistration).Assembly
        )
        .Build();

    /// <summary>A regular expression for a namespace and every namespace below it.</summary>
    public static string AndBelow(string root) => $@"^{root.Replace(".", @"\.", StringComparison.Ordinal)}(\..+)?$";
}
