namespace LeadFunctions.Codegen;

internal static class TypeNames
{
    /// <summary>The alias a generated file gives its functions' namespace: the wrappers share their functions'
    /// names.</summary>
    public const string FunctionsAlias = "Feature";

    public static string Literal(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Using directives for the namespaces of the types a generated file names, sorted.</summary>
    public static string Usings(IEnumerable<string> namespaces) =>
        string.Concat(
            namespaces.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(ns => $"using {ns};\n")
        );
}
