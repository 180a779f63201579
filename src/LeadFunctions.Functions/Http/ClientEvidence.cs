using LeadFunctions.Core.Consent;
using Microsoft.AspNetCore.Http;

namespace LeadFunctions.Functions.Http;

/// <summary>Who made a request, as consent evidence: the client's address and its browser (at most 512
/// characters).</summary>
public static class ClientEvidence
{
    private const int MaxUserAgentLength = 512;

    public static RequestEvidence From(HttpRequest request) =>
        new(
            request.HttpContext.Connection.RemoteIpAddress?.ToString(),
            request.Headers.UserAgent.ToString() is { Length: > 0 } agent
                ? agent[..Math.Min(agent.Length, MaxUserAgentLength)]
                : null
        );
}
