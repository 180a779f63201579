using LeadFunctions.Core.Queues;
using LeadFunctions.Core.Scoring;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Scoring;

/// <summary>
/// lead-rescore: rescore the leads of one part of a pass. Leads that could not be written (storage errors
/// past the SDK's retries, a lead that kept changing) fail the message once the others are done, so the
/// part is tried again, where the leads already rescored write nothing; after five tries it rests in
/// lead-rescore-poison, which health reports (a lead that can never be written shows there every night).
/// </summary>
[QueueFunction(QueueNames.LeadRescore)]
public sealed partial class RescoreLeadPart(LeadRescorer rescorer, ILogger<RescoreLeadPart> logger)
{
    public async Task RunAsync(RescorePart part, CancellationToken cancellationToken)
    {
        var summary = await rescorer.RescoreAsync(part, cancellationToken);
        Rescored(logger, part.Pass, part.Range.From, part.Range.To, summary.Scanned, summary.Changed);
        if (summary.Failed > 0)
        {
            throw new InvalidOperationException(
                $"{summary.Failed} of {summary.Scanned} leads from {part.Range.From} to {part.Range.To} could not be "
                    + $"rescored; the part is tried again (first error inside).",
                summary.FirstFailure
            );
        }
    }

    [LoggerMessage(
        EventId = 1303,
        Level = LogLevel.Information,
        Message = "Rescoring pass {Pass}: leads from {From} to {To}, {Scanned} scanned, {Changed} changed"
    )]
    private static partial void Rescored(ILogger logger, string pass, string from, string to, int scanned, int changed);
}
