using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Randomness;

namespace LeadFunctions.Core.Nurture;

/// <summary>
/// A nurture-send message as it is delivered: sent (<see cref="NurtureSender"/>) on its first delivery. A delivery
/// after the first (an earlier one failed, or its host died) hands the message on in two halves instead: each starts
/// its own count of deliveries, so a message longer than its hosts live (a crash loop) gets through in ever shorter
/// parts instead of ending in the poison queue with its sends stranded, and a send that fails every time ends there
/// alone. The halves own the earlier deliveries' claims (uncertain, never sent again).
/// </summary>
public sealed class NurtureBatchDelivery(NurtureSender sender, INurtureSendQueue queue, IIdGenerator ids)
{
    public async Task<NurtureBatchDelivered> DeliverAsync(
        NurtureSendBatch message,
        long dequeueCount,
        CancellationToken cancellationToken
    )
    {
        if (dequeueCount > 1 && message.DueSends().Count > 1)
        {
            var (first, second) = message.Halves(ids.NewId(), ids.NewId());
            await Task.WhenAll(
                queue.EnqueueAsync(first, TimeSpan.Zero, cancellationToken),
                queue.EnqueueAsync(second, TimeSpan.Zero, cancellationToken)
            );
            return new NurtureBatchDelivered(
                (first.DispatchId, second.DispatchId),
                new Dictionary<NurtureSendOutcome, int>()
            );
        }

        var outcomes = await sender.SendAsync(message, cancellationToken);
        return new NurtureBatchDelivered(null, outcomes.CountBy(o => o).ToDictionary());
    }
}

/// <summary>
/// The dispatch ids of the halves it was handed on as, or how many of its sends came to each outcome.
/// </summary>
public sealed record NurtureBatchDelivered(
    (string First, string Second)? HandedOnAs,
    IReadOnlyDictionary<NurtureSendOutcome, int> Outcomes
)
{
    public int Count(NurtureSendOutcome outcome) => Outcomes.GetValueOrDefault(outcome);
}

/// <summary>
/// When a campaign's send window is open for a person, in their own time zone. Pure and DST-safe: an opening
/// that falls into a spring-forward gap moves to the first valid minute after it, one in a repeated autumn hour
/// takes its first occurrence.
/// </summary>
public static class SendWindows
{
    /// <summary><paramref name="at"/> itself when the window is open then (or there is none), else the window's next
    /// opening.</summary>
    public static DateTimeOffset NextOpening(SendWindow? window, TimeZoneInfo zone, DateTimeOffset at)
    {
        if (window is null || IsOpen(window, TimeZoneInfo.ConvertTime(at, zone).DateTime))
        {
            return at;
        }

        var today = TimeZoneInfo.ConvertTime(at, zone).Date;
        for (var day = 0; day <= 8; day++)
        {
            var date = today.AddDays(day);
            if (!OpensOn(window, date.DayOfWeek))
            {
                continue;
            }

            var opening = StepTimes.ToInstant(date + window.From.ToTimeSpan(), zone);
            if (opening > at)
            {
                return opening;
            }
        }

        // Unreachable for a window with at least one day; an empty window list means every day.
        throw new InvalidOperationException("A send window that never opens.");
    }

    /// <summary>
    /// Open from <see cref="SendWindow.From"/> (inclusive) to <see cref="SendWindow.To"/> (exclusive) on its days; a
    /// window whose end is before its start runs past midnight into the next day; equal ends mean all day.
    /// </summary>
    public static bool IsOpen(SendWindow window, DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (window.From == window.To)
        {
            return OpensOn(window, local.DayOfWeek);
        }

        if (window.From < window.To)
        {
            return OpensOn(window, local.DayOfWeek) && time >= window.From && time < window.To;
        }

        return (OpensOn(window, local.DayOfWeek) && time >= window.From)
            || (OpensOn(window, local.AddDays(-1).DayOfWeek) && time < window.To);
    }

    private static bool OpensOn(SendWindow window, DayOfWeek day) =>
        window.Days.Count == 0 || window.Days.Contains(day);
}
