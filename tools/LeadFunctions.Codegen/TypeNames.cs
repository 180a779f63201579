namespace LeadFunctions.Codegen;

internal static class TypeNames
{
    /// <summary>A type as C# names it from anywhere: the wrappers share their functions' names.</summary>
    public static string Global(Type type) => "global::" + type.FullName!.Replace('+', '.');

    public static string Literal(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
