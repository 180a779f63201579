using System.Globalization;
using System.Net;
using System.Text.Json;
using LeadFunctions.Core.Webinars;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// ON24's REST API v2 over an HttpClient whose pipeline (<see cref="On24Resilience"/>) retries only a server error.
/// Every call carries the token pair in the accessTokenKey and accessTokenSecret headers; dates in a query are
/// Pacific dates, as ON24 reads them ("All dates and times are in Pacific Time").
/// </summary>
public sealed class On24ApiClient(HttpClient http, IOptionsMonitor<On24Options> options, TimeProvider time) : IOn24Api
{
    /// <summary>ON24's page size (its most).</summary>
    public const int ItemsPerPage = 100;

    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public async Task<On24Event> GetEventAsync(string eventId, CancellationToken cancellationToken)
    {
        using var json = await GetAsync($"event/{eventId}", cancellationToken);
        return On24Payloads.Event(eventId, json.RootElement);
    }

    public Task<On24Page<On24Registrant>> GetRegistrantsAsync(
        string eventId,
        DateTimeOffset? since,
        int page,
        CancellationToken cancellationToken
    ) =>
        PageAsync(
            $"event/{eventId}/registrant",
            "registrants",
            since,
            page,
            On24Payloads.Registrant,
            cancellationToken
        );

    /// <summary>Attendees by their last activity (ON24's dateFilterMode=lastActivity), so one who comes back on
    /// demand is seen again.</summary>
    public Task<On24Page<On24Attendee>> GetAttendeesAsync(
        string eventId,
        DateTimeOffset? since,
        int page,
        CancellationToken cancellationToken
    ) =>
        PageAsync(
            $"event/{eventId}/attendee",
            "attendees",
            since,
            page,
            On24Payloads.Attendee,
            cancellationToken,
            "&dateFilterMode=lastActivity"
        );

    private async Task<On24Page<T>> PageAsync<T>(
        string path,
        string listName,
        DateTimeOffset? since,
        int page,
        Func<JsonElement, T> read,
        CancellationToken cancellationToken,
        string filter = ""
    )
    {
        var query =
            $"{path}?pageOffset={page}&itemsPerPage={ItemsPerPage}&excludeAnonymous=Y"
            + (since is { } from ? $"&startDate={PacificDate(from)}{filter}" : string.Empty);
        using var json = await GetAsync(query, cancellationToken);
        var root = json.RootElement;
        var items =
            root.TryGetProperty(listName, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(read).ToList()
                : [];
        return new On24Page<T>(items, IsLast(root, page, items.Count));
    }

    /// <summary>The last page by ON24's "pagecount" when it sends one, else by a page that is not full (or fuller
    /// than asked: paging not applied).</summary>
    private static bool IsLast(JsonElement root, int page, int count) =>
        root.TryGetProperty("pagecount", out var pages) && pages.TryGetInt32(out var pageCount)
            ? page + 1 >= pageCount
            : count != ItemsPerPage;

    private static string PacificDate(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Pacific).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<JsonDocument> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var baseUrl = settings.BaseUrl ?? On24Options.DefaultBaseUrl;
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri(baseUrl, $"v2/client/{settings.ClientId?.Trim()}/{pathAndQuery}")
        );
        request.Headers.Add("accessTokenKey", settings.AccessTokenKey);
        request.Headers.Add("accessTokenSecret", settings.AccessTokenSecret);
        request.Headers.Accept.ParseAdd("application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            throw new On24Exception(On24Failure.Unavailable, "ON24 gave no answer.");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response, body);
            }

            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                throw new On24Exception(On24Failure.Unavailable, "ON24 answered with something other than JSON.");
            }
        }
    }

    /// <summary>
    /// ON24 says it limits calls with a 429, and its reference documents a 403 whose message says "the maximum number
    /// of calls" was reached; either slows the poll down, by Retry-After when it comes with one.
    /// </summary>
    private On24Exception Failure(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var message = On24Message(body);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new On24Exception(
                On24Failure.RateLimited,
                $"ON24 answered 429: {message}",
                RetryAfter(response)
            ),
            HttpStatusCode.Forbidden
                when message.Contains("maximum number of calls", StringComparison.OrdinalIgnoreCase) =>
                new On24Exception(On24Failure.RateLimited, $"ON24 answered 403: {message}", RetryAfter(response)),
            HttpStatusCode.Unauthorized => new On24Exception(
                On24Failure.Unauthorized,
                "ON24 answered 401: the access token key and secret are wrong or revoked."
            ),
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new On24Exception(
                On24Failure.EventRefused,
                $"ON24 answered {status}: {message}"
            ),
            _ => new On24Exception(On24Failure.Unavailable, $"ON24 answered {status}: {message}"),
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => null,
        };

    /// <summary>ON24's error message ({"message": …} or a plain sentence), short, for a log line.</summary>
    private static string On24Message(string body)
    {
        string text;
        try
        {
            using var json = JsonDocument.Parse(body);
            text =
                json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("message", out var message)
                    ? message.ToString()
                    : body;
        }
        catch (JsonException)
        {
            text = body;
        }

        return text.Length > 200 ? text[..200] : text;
    }
}
