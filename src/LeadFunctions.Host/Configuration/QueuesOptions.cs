using System.ComponentModel.DataAnnotations;

namespace LeadFunctions.Host.Configuration;

/// <summary>
/// host.json "extensions.queues", with the defaults of the Storage Queues extension
/// (azure-sdk-for-net sdk/storage/Microsoft.Azure.WebJobs.Extensions.Storage.Queues/src/Config/QueuesOptions.cs).
/// </summary>
public sealed class QueuesOptions : IValidatableObject
{
    public const string SectionName = FunctionsConfiguration.HostJsonSection + ":extensions:queues";

    /// <summary>Azure Storage refuses to hand out more than 32 messages per receive.</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Null means (BatchSize / 2) × processor count.</summary>
    [Range(0, int.MaxValue)]
    public int? NewBatchThreshold { get; set; }

    /// <summary>Null means 1 minute, or 2 seconds in the Development environment.</summary>
    public TimeSpan? MaxPollingInterval { get; set; }

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    [Range(1, int.MaxValue)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>"base64" (the default) or "none".</summary>
    [RegularExpression("^(?i)(base64|none)$")]
    public string MessageEncoding { get; set; } = "base64";

    public int EffectiveNewBatchThreshold => NewBatchThreshold ?? BatchSize / 2 * Environment.ProcessorCount;

    public bool IsBase64 => string.Equals(MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase);

    public TimeSpan EffectiveMaxPollingInterval(bool isDevelopment) =>
        MaxPollingInterval ?? (isDevelopment ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(1));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxPollingInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return new ValidationResult(
                "maxPollingInterval must be at least 100 ms.",
                [nameof(MaxPollingInterval)]
            );
        }

        if (VisibilityTimeout < TimeSpan.Zero || VisibilityTimeout > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult(
                "visibilityTimeout must be between 0 and 7 days.",
                [nameof(VisibilityTimeout)]
            );
        }
    }
}
