using System.Text.Json;
using LeadFunctions.Core.Campaigns;
using LeadFunctions.Functions.Http;
using LeadFunctions.Functions.Triggers;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Campaigns;

/// <summary>
/// POST /api/campaigns/{id}/resume with {"missed": "send"|"skip"}: the campaign sends again and its held sends are
/// released from the campaign-resume queue (202: their work is queued, and a large campaign's is not done in the
/// request).
/// </summary>
[HttpFunction(
    AuthorizationLevel.Function,
    "post",
    Route = "campaigns/{id}/resume",
    Summary = "Resume a paused campaign; missed says what becomes of the sends held while it was paused: send (they "
        + "go now, under the send window, gap and priority) or skip (each is recorded skipped and the "
        + "enrollment goes on). Answers 202: the held sends are released from the campaign-resume queue.",
    BodyExample = """
        { "missed": "send" }
        """,
    Problems = new[] { StatusCodes.Status409Conflict }
)]
public sealed class ResumeCampaign(CampaignSwitch campaigns)
{
    private const int MaxBodyBytes = 1024;
    private const int MaxJsonDepth = 4;

    public async Task<IResult> RunAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (document, refusal) = await JsonBody.ReadObjectAsync(
            request,
            MaxBodyBytes,
            MaxJsonDepth,
            cancellationToken
        );
        using (document)
        {
            if (document is null)
            {
                return refusal!;
            }

            var said =
                document.RootElement.TryGetProperty("missed", out var missed)
                && missed.ValueKind == JsonValueKind.String
                    ? missed.GetString()
                    : null;
            if (MissedChoice.Parse(said) is not { } choice)
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["missed"] = [MissedChoice.Rule] });
            }

            return CampaignSwitchAnswer.Of(
                id,
                await campaigns.ResumeAsync(id, choice, cancellationToken),
                StatusCodes.Status202Accepted
            );
        }
    }
}
