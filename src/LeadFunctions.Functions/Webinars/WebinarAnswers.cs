using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Webinars;

/// <summary>What a platform's webhook answers for a delivery it took: 200, so the platform does not send it
/// again.</summary>
public static class WebinarAnswers
{
    /// <summary>Recorded (queued before the answer).</summary>
    public static readonly IResult Accepted = TypedResults.Ok(new { status = "accepted" });

    /// <summary>Nothing to record: an event we do not use, or a person we cannot make a lead of.</summary>
    public static readonly IResult Ignored = TypedResults.Ok(new { status = "ignored" });
}
