using LeadFunctions.Codegen;

// Usage: dotnet run --project tools/LeadFunctions.Codegen -- <repository root>
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
foreach (var file in GeneratedFiles.All())
{
    var path = Path.Combine(root, file.RelativePath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var changed = !File.Exists(path) || File.ReadAllText(path) != file.Content;
    if (changed)
    {
        File.WriteAllText(path, file.Content);
    }

    Console.WriteLine($"{(changed ? "wrote" : "unchanged")} {file.RelativePath}");
}

foreach (var orphan in GeneratedFiles.Orphans(root))
{
    File.Delete(Path.Combine(root, orphan));
    Console.WriteLine($"deleted {orphan}");
}
