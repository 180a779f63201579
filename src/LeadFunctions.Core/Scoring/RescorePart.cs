using System.Globalization;
using System.Text.Json.Serialization;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Scoring;

/// <summary>
/// One share of a rescoring pass as it travels on the lead-rescore queue: the pass (the day it began)
/// and the lead ids it covers. The parts go on the queue so that a pass is not bound by one invocation's
/// time limit and spreads over instances as a queue does: 256 parts, far more than one host's batch (16).
/// </summary>
public sealed record RescorePart(string Pass, LeadIdRange Range)
{
    /// <summary>What the pass's changes are decided under: a lead it makes an MQL is handed off as
    /// "mql-{id}-rescore-{day}", once per pass.</summary>
    [JsonIgnore]
    public string Cause => $"rescore-{Pass}";

    /// <summary>A pass beginning now, in parts that together cover every lead once.</summary>
    public static IReadOnlyList<RescorePart> Plan(DateTimeOffset now)
    {
        var pass = now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return [.. LeadIdRange.ByFirstTwoDigits.Select(range => new RescorePart(pass, range))];
    }
}

/// <summary>The lead-rescore queue.</summary>
public interface IRescoreQueue
{
    Task EnqueueAsync(RescorePart part, CancellationToken cancellationToken);
}
