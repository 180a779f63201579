namespace LeadFunctions.Host.Timers;

/// <summary>
/// The timer singleton's timings (azure-webjobs-sdk src/Microsoft.Azure.WebJobs.Host/Config/SingletonOptions.cs:
/// ListenerLockPeriod 60 s, ListenerLockRecoveryPollingInterval 1 min), from "AzureFunctionsJobHost:singleton".
/// </summary>
internal sealed class TimerLockOptions
{
    public const string SectionName = Configuration.FunctionsConfiguration.HostJsonSection + ":singleton";

    public TimeSpan ListenerLockPeriod { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ListenerLockRecoveryPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Renewed well before it can lapse.</summary>
    public TimeSpan RenewalInterval => ListenerLockPeriod / 2;
}
