using LeadFunctions.Core.Leads;
using LeadFunctions.Functions.Triggers;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Leads;

/// <summary>
/// Every minute: folds the addresses of the leads created since into the email index (<see cref="ILeadEmailIndex"/>),
/// so that the search by an address's beginning reads short ranges whatever the number of leads. A pass ends when
/// the log is drained or after <see cref="MaxPerPass"/> addresses (the next pass goes on).
/// </summary>
[TimerFunction(Schedule)]
public sealed partial class CompactLeadEmails(ILeadEmailIndex index, ILogger<CompactLeadEmails> logger)
{
    /// <summary>At the start of every minute.</summary>
    public const string Schedule = "0 * * * * *";

    public const int MaxPerPass = 50_000;

    public async Task RunAsync(TimerRunInfo timer, CancellationToken cancellationToken)
    {
        var folded = await index.CompactAsync(MaxPerPass, cancellationToken);
        if (folded > 0)
        {
            Folded(logger, folded);
        }
    }

    [LoggerMessage(
        EventId = 1003,
        Level = LogLevel.Information,
        Message = "{Addresses} addresses folded into the email index"
    )]
    private static partial void Folded(ILogger logger, int addresses);
}
