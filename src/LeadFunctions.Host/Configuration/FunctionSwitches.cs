namespace LeadFunctions.Host.Configuration;

/// <summary>
/// The app setting "AzureWebJobs.{FunctionName}.Disabled" = true switches a function off, as in Azure
/// Functions: its queue or timer listener does not start, and an HTTP function answers 404.
/// </summary>
public static class FunctionSwitches
{
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;
}
