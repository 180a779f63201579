using System.Reflection;
using System.Text.RegularExpressions;
using LeadFunctions.Adapters;
using Microsoft.Extensions.Options;

namespace LeadFunctions.Host.Configuration;

/// <summary>
/// Configuration that cannot work, found before the host starts and said in one line per setting (name and
/// what is wrong) instead of a stack trace: options validated on start, values the binder cannot convert,
/// host.json, local.settings.json, AzureWebJobsStorage and functionTimeout.
/// </summary>
public static partial class ConfigurationErrors
{
    /// <summary>Binds and validates every option validated on start, and functionTimeout, as starting would.</summary>
    /// <exception cref="OptionsValidationException">An option is not valid.</exception>
    /// <exception cref="SettingException">A value cannot be converted, or functionTimeout is wrong.</exception>
    public static void ThrowIfInvalid(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (InvalidOperationException binding) when (binding.InnerException is not null)
        {
            // The binder's message names the key and the value: "Failed to convert configuration value 'many' at
            // 'Intake:PermitsPerMinute' to type 'System.Int32'."
            throw new SettingException(binding.Message, binding);
        }

        services.GetRequiredService<FunctionTimeout>();
    }

    /// <summary>
    /// The line to print for a configuration error (a line for each, where several options failed at once), or null
    /// for any other exception.
    /// </summary>
    public static string? Describe(Exception exception) =>
        exception switch
        {
            SettingException setting => "Configuration error: " + setting.Message,
            OptionsValidationException invalid => "Configuration error: "
                + string.Join("; ", invalid.Failures.Select(f => Describe(invalid.OptionsType, f))),
            AggregateException many
                when many.InnerExceptions.Select(Describe).ToList() is var lines && lines.All(l => l is not null) =>
                string.Join(Environment.NewLine, lines),
            _ => null,
        };

    private static string Describe(Type options, string failure)
    {
        if (DataAnnotationFailure().Match(failure) is not { Success: true } match)
        {
            return failure;
        }

        var error = match.Groups["error"].Value;
        var settings = match
            .Groups["members"]
            .Value.Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(member => SettingName(options, member))
            .ToList();
        // A rule of the options class's own may already name its setting ("SalesHandoff:Secret is required ...").
        return settings.Count == 0 || settings.Any(s => error.StartsWith(s, StringComparison.Ordinal))
            ? error
            : $"{string.Join(", ", settings)}: {error}";
    }

    /// <summary>"Intake:PermitsPerMinute", or "host.json extensions:queues:batchSize" for a host.json
    /// section.</summary>
    private static string SettingName(Type options, string member)
    {
        var section =
            options.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        if (section is null)
        {
            return member;
        }

        var setting = $"{section}:{char.ToLowerInvariant(member[0])}{member[1..]}";
        return setting.StartsWith(FunctionsConfiguration.HostJsonSection + ":", StringComparison.Ordinal)
            ? "host.json " + setting[(FunctionsConfiguration.HostJsonSection.Length + 1)..]
            : $"{section}:{member}";
    }

    [GeneratedRegex(
        @"^DataAnnotation validation failed for '[^']*' members: '(?<members>[^']*)' with the error: '(?<error>.*)'\.$",
        RegexOptions.Singleline
    )]
    private static partial Regex DataAnnotationFailure();
}
