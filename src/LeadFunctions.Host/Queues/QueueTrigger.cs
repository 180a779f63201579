using LeadFunctions.Adapters.Queues;
using LeadFunctions.Core.Queues;

namespace LeadFunctions.Host.Queues;

/// <summary>A function bound to a queue: its name (for logs), the logical queue name and how to invoke it (with the
/// message's dequeue count).</summary>
public sealed record QueueTrigger(
    string FunctionName,
    string QueueName,
    Func<IServiceProvider, BinaryData, long, CancellationToken, Task> Invoke
);

public static class QueueTriggerRegistration
{
    /// <summary>
    /// Binds <typeparamref name="TFunction"/> to a queue. The message body is JSON deserialized to
    /// <typeparamref name="TMessage"/>, as the worker binds a POCO; a body that does not bind fails
    /// like any other error and ends in the poison queue after the last try.
    /// </summary>
    public static IServiceCollection AddQueueTrigger<TFunction, TMessage>(
        this IServiceCollection services,
        string functionName,
        string queueName,
        Func<TFunction, TMessage, CancellationToken, Task> run
    )
        where TFunction : notnull =>
        services.AddQueueTrigger<TFunction, TMessage>(
            functionName,
            queueName,
            (function, message, _, cancellationToken) => run(function, message, cancellationToken)
        );

    /// <summary>As above, for a function that also takes the message's dequeue count (the trigger's DequeueCount
    /// metadata on Functions).</summary>
    public static IServiceCollection AddQueueTrigger<TFunction, TMessage>(
        this IServiceCollection services,
        string functionName,
        string queueName,
        Func<TFunction, TMessage, long, CancellationToken, Task> run
    )
        where TFunction : notnull
    {
        // Triggers on poison queues (re-driving failed work) would need a listener without a poison queue of its own.
        if (queueName.EndsWith(QueueNames.PoisonSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException("This runtime does not listen to poison queues.", nameof(queueName));
        }

        return services.AddSingleton(
            new QueueTrigger(functionName, queueName, (provider, body, dequeueCount, cancellationToken) =>
                run(
                    provider.GetRequiredService<TFunction>(),
                    QueueMessageBody.Read<TMessage>(body, queueName),
                    dequeueCount,
                    cancellationToken
                )
            )
        );
    }
}
