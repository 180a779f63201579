using System.Collections;
using System.Reflection;
using LeadFunctions.Adapters;
using LeadFunctions.Adapters.Storage;
using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Intake;
using LeadFunctions.Host;

namespace LeadFunctions.FunctionApp.Tests.Settings;

public enum SettingShape
{
    /// <summary>One value: "Intake:PermitsPerMinute".</summary>
    Value,

    /// <summary>Indexed values: "Intake:AllowedOrigins:0", ":1", …</summary>
    List,

    /// <summary>Named children: "Host:FunctionKeys:&lt;name&gt;", or a section read as a whole
    /// ("AzureWebJobsStorage:blobServiceUri").</summary>
    Section,
}

/// <summary>A setting the code reads, by its configuration key, and where it was found.</summary>
public sealed record CodeSetting(string Key, SettingShape Shape, string Source)
{
    /// <summary>The name an app setting has in the environment: "Intake__PermitsPerMinute".</summary>
    public string EnvironmentName => Key.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// Every setting the code reads: the public settable properties of each options class with a SectionName
/// constant (nested classes followed), plus the settings read straight from IConfiguration.
/// </summary>
public static class CodeSettings
{
    /// <summary>Read from IConfiguration directly, not through an options class.</summary>
    private static readonly CodeSetting[] ReadDirectly =
    [
        new(
            StorageRegistration.ConnectionSetting,
            SettingShape.Section,
            "StorageConnection.From (a connection string or service URIs)"
        ),
        new(
            "AzureFunctionsWebHost:hostid",
            SettingShape.Value,
            "TimerListenerService (timer locks and status, shared by both hosts)"
        ),
        new(
            LeadFunctions.Host.Development.LocalMailboxEndpoints.Setting,
            SettingShape.Value,
            "LocalMailboxEndpoints (the self-hosted runtime's mailbox for local runs)"
        ),
    ];

    private static readonly Assembly[] Assemblies =
    [
        typeof(LeadId).Assembly,
        typeof(StorageOptions).Assembly,
        typeof(IntakeOptions).Assembly,
        typeof(LeadFunctionsHost).Assembly,
    ];

    public static IReadOnlyList<CodeSetting> All()
    {
        var settings = new List<CodeSetting>(ReadDirectly);
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            if (
                type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section
            )
            {
                settings.AddRange(Properties(type, section, type.Name));
            }
        }

        return settings;
    }

    private static IEnumerable<CodeSetting> Properties(Type type, string prefix, string source)
    {
        // The binder sets public properties with a public setter (init included); computed ones are not settings.
        foreach (
            var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetSetMethod() is not null)
        )
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var where = $"{source}.{property.Name}";
            if (IsValue(propertyType))
            {
                yield return new CodeSetting(key, SettingShape.Value, where);
            }
            else if (typeof(IDictionary).IsAssignableFrom(propertyType))
            {
                yield return new CodeSetting(key, SettingShape.Section, where);
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return new CodeSetting(key, SettingShape.List, where);
            }
            else
            {
                foreach (var nested in Properties(propertyType, key, where))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive
        || type.IsEnum
        || type == typeof(string)
        || type == typeof(decimal)
        || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset)
        || type == typeof(DateTime)
        || type == typeof(Uri)
        || type == typeof(Guid);
}
