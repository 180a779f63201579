using LeadFunctions.Host;

var app = LeadFunctionsHost.Build(LeadFunctionsHost.CreateBuilder(args));
await app.RunAsync();

/// <summary>Visible to tests.</summary>
public partial class Program;
