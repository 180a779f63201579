using LeadFunctions.Functions.Triggers;

namespace LeadFunctions.IntegrationTests.Infrastructure;

/// <summary>The settings that switch off every function declared with one of the given trigger attributes
/// (<c>AzureWebJobs.{name}.Disabled</c>; a function is named as its class): for a test that counts a host's storage
/// operations, so that background polling and timers do not fall into what it counts.</summary>
internal static class FunctionsOff
{
    public static string[] Settings(params Type[] triggers) =>
        [
            .. typeof(TimerFunctionAttribute)
                .Assembly.GetTypes()
                .Where(type => triggers.Any(trigger => type.IsDefined(trigger, inherit: false)))
                .Select(function => $"--AzureWebJobs.{function.Name}.Disabled=true"),
        ];
}
