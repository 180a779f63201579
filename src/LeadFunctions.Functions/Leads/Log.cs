using LeadFunctions.Core.Processing;
using Microsoft.Extensions.Logging;

namespace LeadFunctions.Functions.Leads;

/// <summary>Lead logs name leads by id (a hash), never by email, name or phone.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Accepted a submission for lead {LeadId} from {Source}")]
    public static partial void Accepted(ILogger logger, string leadId, string source);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "A form submission for {LeadId} looked automated (honeypot or fill time); answered, not stored")]
    public static partial void BotIgnored(ILogger logger, string leadId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Submission {SubmissionId}: {Outcome}")]
    public static partial void Processed(ILogger logger, string submissionId, UpdateOutcome outcome);
}
