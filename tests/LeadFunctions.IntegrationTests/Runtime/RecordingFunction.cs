using System.Collections.Concurrent;

namespace LeadFunctions.IntegrationTests.Runtime;

public sealed record TestMessage(string Text);

/// <summary>A queue function for runtime tests: records each call and does what the message says.</summary>
public sealed class RecordingFunction
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int completed;

    public int Completed => Volatile.Read(ref completed);

    public async Task RunAsync(TestMessage message, CancellationToken cancellationToken)
    {
        Calls.Enqueue(message.Text);
        Started.TrySetResult();
        switch (message.Text)
        {
            case "fail":
                throw new InvalidOperationException("This message always fails.");
            case "slow":
                // Ignores cancellation on purpose: a function that finishes its work during shutdown.
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
                break;
            case "hangs-the-first-time" when Calls.Count(c => c == message.Text) == 1:
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                break;
            case "returns-on-the-token-the-first-time" when Calls.Count(c => c == message.Text) == 1:
                // Stops early and quietly when cancelled, its work undone.
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            case "longer-than-the-lease":
                await Task.Delay(TimeSpan.FromSeconds(14), cancellationToken);
                break;
        }

        Interlocked.Increment(ref completed);
    }
}
