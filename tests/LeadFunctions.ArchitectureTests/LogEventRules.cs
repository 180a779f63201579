using System.Reflection;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.ArchitectureTests;

/// <summary>
/// A log event's id names one event: an operator who filters or alerts on an EventId finds that event and no other.
/// </summary>
public sealed class LogEventRules
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Core.Leads.Lead).Assembly,
        typeof(Adapters.StorageRegistration).Assembly,
        typeof(Functions.LeadPipelineRegistration).Assembly,
        typeof(Host.SelfHostedRuntime).Assembly,
    ];

    [Fact]
    public void Every_logged_event_has_an_id_of_its_own()
    {
        var shared = Assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t =>
                t.GetMethods(
                    BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly
                )
            )
            .Select(m => (Method: m, Message: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Message is not null)
            .GroupBy(m => m.Message!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g =>
                $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name}"))}"
            )
            .ToList();

        Assert.True(
            shared.Count == 0,
            "Log event ids used twice:" + Environment.NewLine + string.Join(Environment.NewLine, shared)
        );
    }
}
