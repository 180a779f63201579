using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Renews the Graph subscriptions of followed Teams webinars before they expire (Graph keeps them a day at most),
/// recreating those Graph dropped, and queues the attendance read of webinars that have ended, then their end.
/// </summary>
[TimerFunction(Schedule)]
public sealed partial class TrackTeamsWebinars(TeamsWebinars teams, ILogger<TrackTeamsWebinars> logger)
{
    /// <summary>Every 10 minutes.</summary>
    public const string Schedule = "0 */10 * * * *";

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        var round = await teams.TrackAsync(cancellationToken);
        Tracked(logger, round.Renewed, round.Recreated, round.Queued);
        foreach (var (webinarId, error) in round.Failed)
        {
            Failed(logger, error, webinarId);
        }
    }

    [LoggerMessage(
        EventId = 2802,
        Level = LogLevel.Information,
        Message = "Teams webinars: {Renewed} subscriptions renewed, {Recreated} recreated, "
            + "{Queued} attendance reads or ends queued"
    )]
    private static partial void Tracked(ILogger logger, int renewed, int recreated, int queued);

    [LoggerMessage(
        EventId = 2803,
        Level = LogLevel.Error,
        Message = "Teams webinar {WebinarId}: its subscription could not be renewed; the next round tries again"
    )]
    private static partial void Failed(ILogger logger, Exception error, string webinarId);
}
