using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace LeadFunctions.Functions.Triggers;

/// <summary>One declared function: its class (whose name is the function's), its trigger and the method the trigger
/// calls.</summary>
public sealed record FunctionDeclaration(Type Type, FunctionTriggerAttribute Trigger, MethodInfo Run)
{
    public const string RunMethodName = "RunAsync";

    public string Name => Type.Name;

    /// <summary>The route values an HTTP function takes, in the order <see cref="Run"/> takes them.</summary>
    public IReadOnlyList<string> RouteParameters =>
        Run.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name!).ToList();

    /// <summary>A queue function's message type: its run method's first parameter.</summary>
    public Type MessageType => Run.GetParameters()[0].ParameterType;

    /// <summary>Whether a queue function takes the message's dequeue count.</summary>
    public bool TakesDequeueCount => Run.GetParameters().Any(p => p.ParameterType == typeof(long));

    /// <summary>Every function this project declares, by name.</summary>
    public static IReadOnlyList<FunctionDeclaration> All { get; } =
        typeof(FunctionDeclaration)
            .Assembly.GetTypes()
            .Select(Read)
            .OfType<FunctionDeclaration>()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Names of the functions open to every browser
    /// (<see cref="HttpFunctionAttribute.PublicIntake"/>).</summary>
    public static IReadOnlySet<string> PublicIntakeNames { get; } =
        All.Where(f => f.Trigger is HttpFunctionAttribute { PublicIntake: true })
            .Select(f => f.Name)
            .ToHashSet(StringComparer.Ordinal);

    private static FunctionDeclaration? Read(Type type)
    {
        if (type.GetCustomAttribute<FunctionTriggerAttribute>() is not { } trigger)
        {
            return null;
        }

        var run = type.GetMethod(RunMethodName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException(
                $"{type.Name} declares a function but has no public {RunMethodName}."
            );
        return new FunctionDeclaration(type, trigger, run);
    }
}

public static class FunctionRegistration
{
    /// <summary>Registers every declared function class, for either host.</summary>
    public static IServiceCollection AddDeclaredFunctions(this IServiceCollection services)
    {
        foreach (var function in FunctionDeclaration.All)
        {
            services.AddSingleton(function.Type);
        }

        return services;
    }
}
