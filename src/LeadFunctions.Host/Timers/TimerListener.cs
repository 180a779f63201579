using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs.Specialized;
using LeadFunctions.Core.Telemetry;
using LeadFunctions.Functions.Triggers;
using LeadFunctions.Host.Configuration;
using OpenTelemetry;

namespace LeadFunctions.Host.Timers;

/// <summary>
/// Runs one timer function on the host that holds its singleton lease (azure-webjobs-sdk-extensions
/// .../Timers/Listeners/TimerListener.cs): past-due check and RunOnStartup at start, then every
/// occurrence in turn. Runs never overlap; an overrun fires the next occurrence at once; an error is
/// logged and the schedule goes on. Losing the lease stops the schedule until it is taken again.
/// </summary>
internal sealed class TimerListener(
    TimerTrigger trigger,
    TimerSchedule schedule,
    SingletonLease singleton,
    ScheduleMonitor monitor,
    TimerLockOptions locks,
    FunctionTimeout timeout,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger logger
)
{
    /// <summary>Out-of-process functions are named "Host.Functions.{name}" in the Functions host's blobs.</summary>
    private string FullName => $"Host.Functions.{trigger.FunctionName}";

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var lease = await TryAcquireAsync(stopping);
                if (lease is null)
                {
                    await Task.Delay(locks.ListenerLockRecoveryPollingInterval, time, stopping);
                    continue;
                }

                Log.LeaseAcquired(logger, trigger.FunctionName);
                using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                var renewing = RenewAsync(lease, leaseLost);
                await RunScheduleAsync(leaseLost.Token);
                await leaseLost.CancelAsync();
                await renewing;
                await ReleaseAsync(lease);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>The lease, or null when another host holds it or storage cannot be reached (then try again
    /// later).</summary>
    private async Task<BlobLeaseClient?> TryAcquireAsync(CancellationToken stopping)
    {
        // Taking and keeping the lease is housekeeping, not a trace of its own every few seconds.
        using var untraced = SuppressInstrumentationScope.Begin();
        try
        {
            return await singleton.TryAcquireAsync(FullName, stopping);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            Log.LeaseUnavailable(logger, ex, trigger.FunctionName);
            return null;
        }
    }

    private async Task RunScheduleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var useMonitor = schedule.UseMonitor(time.GetUtcNow());
            var status = useMonitor ? await monitor.ReadAsync(FullName, cancellationToken) : null;
            var now = time.GetUtcNow();
            if (status is not null && now > status.Next)
            {
                await InvokeAsync(
                    new TimerRunInfo(IsPastDue: true, status.Last, status.Next),
                    useMonitor,
                    status.Next,
                    cancellationToken
                );
            }
            else if (trigger.RunOnStartup)
            {
                await InvokeAsync(
                    new TimerRunInfo(IsPastDue: false, status?.Last, status?.Next),
                    useMonitor,
                    now,
                    cancellationToken
                );
            }

            var occurrence = schedule.Next(time.GetUtcNow());
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = occurrence - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }

                var next = schedule.Next(occurrence);
                await InvokeAsync(
                    new TimerRunInfo(IsPastDue: false, occurrence, next),
                    useMonitor,
                    occurrence,
                    cancellationToken
                );

                // An overrun (the run outlasted the next occurrence) fires once at once, as in Functions, and the
                // schedule goes on from then: however many occurrences it outlasted, they are not caught up one by one.
                occurrence = next > time.GetUtcNow() ? next : time.GetUtcNow();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping, or the lease was lost.
        }
        catch (Exception ex)
        {
            // The status blob could not be read or written (storage down): pause (cut short by stopping or a
            // lost lease), give the lease back, start over.
            Log.ScheduleFailed(logger, ex, trigger.FunctionName);
            await Task.Delay(TimeSpan.FromSeconds(10), time, cancellationToken)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task InvokeAsync(
        TimerRunInfo info,
        bool useMonitor,
        DateTimeOffset occurrence,
        CancellationToken cancellationToken
    )
    {
        // Each run starts a trace, which the messages it sends (nurture sends, rescoring parts) carry on.
        using (var activity = LeadTelemetry.Source.StartActivity(trigger.FunctionName))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await timeout.InvokeAsync(
                    trigger.FunctionName,
                    logger,
                    ct => trigger.Invoke(scope.ServiceProvider, info, ct),
                    cancellationToken
                );
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                Log.TimerFailed(logger, ex, trigger.FunctionName);
            }
        }

        if (useMonitor)
        {
            await monitor.WriteAsync(
                FullName,
                new ScheduleStatus(occurrence, schedule.Next(time.GetUtcNow()), time.GetUtcNow()),
                cancellationToken
            );
        }
    }

    private async Task RenewAsync(BlobLeaseClient lease, CancellationTokenSource leaseLost)
    {
        using var untraced = SuppressInstrumentationScope.Begin();
        using var timer = new PeriodicTimer(locks.RenewalInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(leaseLost.Token))
            {
                await lease.RenewAsync(cancellationToken: leaseLost.Token);
            }
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            // Released on purpose.
        }
        catch (Exception ex) when (!leaseLost.IsCancellationRequested)
        {
            Log.LeaseLost(logger, ex, trigger.FunctionName);
            await leaseLost.CancelAsync();
        }
    }

    private static async Task ReleaseAsync(BlobLeaseClient lease)
    {
        try
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            // Already expired, taken, or storage is away: the lease runs out by itself.
        }
    }
}
