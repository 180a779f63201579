using LeadFunctions.Host;
using LeadFunctions.Host.Configuration;

WebApplication app;
try
{
    app = LeadFunctionsHost.Build(LeadFunctionsHost.CreateBuilder(args));
    ConfigurationErrors.ThrowIfInvalid(app.Services);
}
catch (Exception exception) when (ConfigurationErrors.Describe(exception) is { } error)
{
    await Console.Error.WriteLineAsync(error);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Visible to tests.</summary>
public partial class Program;
