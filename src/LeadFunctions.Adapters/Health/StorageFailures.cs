using Azure;
using LeadFunctions.Core.Health;

namespace LeadFunctions.Adapters.Health;

/// <summary>
/// What the Azure SDK throws when storage fails: the service's answer (<see cref="RequestFailedException"/>), the
/// transport's, or a timeout; and, when it gives up on an unreachable account, an AggregateException of its tries.
/// </summary>
public sealed class StorageFailures : IStorageFailures
{
    public bool IsUnavailable(Exception exception) =>
        exception switch
        {
            RequestFailedException or HttpRequestException or TimeoutException => true,
            AggregateException aggregate => aggregate.InnerExceptions.All(IsUnavailable),
            _ => false,
        };
}
