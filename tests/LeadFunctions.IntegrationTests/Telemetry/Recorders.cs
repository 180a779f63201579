using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace LeadFunctions.IntegrationTests.Telemetry;

/// <summary>Every span that ends while a host with this processor runs, whichever thread ends it.</summary>
internal sealed class SpanRecorder : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> spans = new();

    public IReadOnlyList<Activity> Spans => [.. spans];

    public override void OnEnd(Activity data) => spans.Enqueue(data);
}

/// <summary>Every log entry at every level: its formatted text, its state's values, its scopes' values and its
/// exception.</summary>
internal sealed class LogRecorder : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Recording(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Recording(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => recorder.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var text = new List<string> { category, formatter(state, exception), Values(state) };
            recorder.scopes.ForEachScope((scope, list) => list.Add(Values(scope)), text);
            if (exception is not null)
            {
                text.Add(exception.ToString());
            }

            recorder.entries.Enqueue(string.Join(" | ", text));
        }

        private static string Values(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : state?.ToString() ?? string.Empty;
    }
}

internal static class AzureActivitySources
{
    /// <summary>
    /// Azure.Core reads its ActivitySource switch once per process, and the hosts of other tests build Azure
    /// clients before a telemetry test's host would set it (as the real host does, first thing).
    /// </summary>
    [ModuleInitializer]
    internal static void Enable() => AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
}
