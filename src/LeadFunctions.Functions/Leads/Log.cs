using LeadFunctions.Core.Processing;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Leads;

/// <summary>Lead logs name leads by id (a hash), never by email, name or phone.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Submission {SubmissionId}: {Outcome}")]
    public static partial void Processed(ILogger logger, string submissionId, UpdateOutcome outcome);
}
