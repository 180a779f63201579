using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using LeadFunctions.Core.Webinars;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace LeadFunctions.Adapters.Webinars;

/// <summary>
/// <see cref="ITeamsGraph"/> through the Graph SDK: GET solutions/virtualEvents/webinars/{id} (and its registrations,
/// sessions, attendanceReports, attendanceRecords), POST and PATCH subscriptions, POST subscriptions/{id}/reauthorize.
/// A webinar or subscription Graph does not have is null; any other error Graph answers to the follow's calls (the
/// webinar, the subscription) is a <see cref="WebinarPlatformException"/> that says it.
/// </summary>
public sealed class GraphTeamsWebinars(GraphServiceClient graph) : ITeamsGraph
{
    /// <summary>The changes of a webinar's registrations Graph notifies (its virtual events page lists both).</summary>
    public const string ChangeTypes = "created,updated";

    public static string RegistrationsResource(string webinarId) =>
        $"solutions/virtualEvents/webinars/{webinarId}/registrations";

    public async Task<Webinar?> GetWebinarAsync(string webinarId, CancellationToken cancellationToken)
    {
        var webinar = await NullWhenGoneAsync(() =>
            graph.Solutions.VirtualEvents.Webinars[webinarId].GetAsync(cancellationToken: cancellationToken)
        );
        return webinar is null
            ? null
            : new Webinar(
                TeamsWebinars.Platform,
                webinarId,
                webinar.DisplayName,
                GraphTimes.ToOffset(webinar.StartDateTime),
                GraphTimes.ToOffset(webinar.EndDateTime),
                GraphTimes.IanaZone(webinar.StartDateTime?.TimeZone)
            );
    }

    public async Task<TeamsRegistration?> GetRegistrationAsync(
        string webinarId,
        string registrationId,
        CancellationToken cancellationToken
    )
    {
        var registration = await NullWhenGoneAsync(() =>
            graph
                .Solutions.VirtualEvents.Webinars[webinarId]
                .Registrations[registrationId]
                .GetAsync(cancellationToken: cancellationToken)
        );
        return registration is null ? null : Read(registration);
    }

    public async IAsyncEnumerable<TeamsRegistration> ListRegistrationsAsync(
        string webinarId,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var registrations = graph.Solutions.VirtualEvents.Webinars[webinarId].Registrations;
        var page = await registrations.GetAsync(cancellationToken: cancellationToken);
        while (page is not null)
        {
            foreach (var registration in page.Value ?? [])
            {
                yield return Read(registration);
            }

            page = page.OdataNextLink is { } next
                ? await registrations.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                : null;
        }
    }

    public async Task<TeamsAttendance> GetAttendanceAsync(string webinarId, CancellationToken cancellationToken)
    {
        var webinar = graph.Solutions.VirtualEvents.Webinars[webinarId];
        var (reports, attendees) = (0, new List<TeamsAttendee>());
        var sessions = await webinar.Sessions.GetAsync(cancellationToken: cancellationToken);
        foreach (var session in sessions?.Value ?? [])
        {
            var sessionReports = webinar.Sessions[session.Id].AttendanceReports;
            var listed = await sessionReports.GetAsync(cancellationToken: cancellationToken);
            foreach (var report in listed?.Value ?? [])
            {
                reports++;
                var records = sessionReports[report.Id].AttendanceRecords;
                var page = await records.GetAsync(cancellationToken: cancellationToken);
                while (page is not null)
                {
                    attendees.AddRange((page.Value ?? []).Select(Read));
                    page = page.OdataNextLink is { } next
                        ? await records.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                        : null;
                }
            }
        }

        return new TeamsAttendance(reports, attendees);
    }

    public async Task<GraphSubscription> SubscribeAsync(
        string webinarId,
        TeamsSubscriptionTarget target,
        DateTimeOffset expiresAt,
        CancellationToken cancellationToken
    )
    {
        var subscription = new Subscription
        {
            ChangeType = ChangeTypes,
            NotificationUrl = target.NotificationUrl.AbsoluteUri,
            LifecycleNotificationUrl = target.NotificationUrl.AbsoluteUri,
            Resource = RegistrationsResource(webinarId),
            ExpirationDateTime = expiresAt,
            ClientState = target.ClientState,
        };
        try
        {
            var created = await graph.Subscriptions.PostAsync(subscription, cancellationToken: cancellationToken);
            return Read(created!, expiresAt);
        }
        catch (ODataError error)
        {
            throw Refused(error);
        }
    }

    public async Task<GraphSubscription?> RenewAsync(
        string subscriptionId,
        DateTimeOffset expiresAt,
        CancellationToken cancellationToken
    )
    {
        var renewed = await NullWhenGoneAsync(() =>
            graph
                .Subscriptions[subscriptionId]
                .PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: cancellationToken)
        );
        return renewed is null ? null : Read(renewed, expiresAt) with { Id = subscriptionId };
    }

    public async Task<bool> ReauthorizeAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Subscriptions[subscriptionId].Reauthorize.PostAsync(cancellationToken: cancellationToken);
            return true;
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static async Task<T?> NullWhenGoneAsync<T>(Func<Task<T?>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (ODataError error)
        {
            throw Refused(error);
        }
    }

    /// <summary>Graph's answer, as its error says it ("403 Forbidden: Authorization_RequestDenied: …").</summary>
    private static WebinarPlatformException Refused(ODataError error) =>
        new(
            $"Microsoft Graph answered {error.ResponseStatusCode} {(HttpStatusCode)error.ResponseStatusCode}: "
                + $"{error.Error?.Code}: {error.Error?.Message ?? error.Message}",
            notSetUp: false,
            error
        );

    private static GraphSubscription Read(Subscription subscription, DateTimeOffset asked) =>
        new(subscription.Id ?? string.Empty, subscription.ExpirationDateTime ?? asked);

    private static TeamsRegistration Read(VirtualEventRegistration registration) =>
        new(
            registration.Id ?? string.Empty,
            registration.Email,
            registration.FirstName,
            registration.LastName,
            registration.Status is { } status ? GraphTimes.CamelCase(status.ToString()) : null,
            registration.RegistrationDateTime
        );

    private static TeamsAttendee Read(AttendanceRecord record) =>
        new(
            record.EmailAddress,
            record.Role,
            record.TotalAttendanceInSeconds ?? 0,
            record.AttendanceIntervals?.Min(i => i.JoinDateTime)
        );
}

/// <summary>Graph's dateTimeTimeZone (a local time and a Windows or IANA zone name) and enum names as Graph writes
/// them.</summary>
public static class GraphTimes
{
    /// <summary>The instant a dateTimeTimeZone names; null when it names none this machine can read.</summary>
    public static DateTimeOffset? ToOffset(DateTimeTimeZone? value)
    {
        if (
            value?.DateTime is not { } written
            || !DateTime.TryParse(written, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !TryFindZone(value.TimeZone, out var zone)
        )
        {
            return null;
        }

        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>The IANA id of a zone Graph names (Windows names converted), or null for UTC or an unknown
    /// name.</summary>
    public static string? IanaZone(string? name)
    {
        if (!TryFindZone(name, out var zone) || zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
        {
            return null;
        }

        return zone.HasIanaId ? zone.Id
            : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana
            : null;
    }

    /// <summary>An enum member as Graph writes it: PendingApproval → pendingApproval.</summary>
    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static bool TryFindZone(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(name) || name.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out zone!);
    }
}
