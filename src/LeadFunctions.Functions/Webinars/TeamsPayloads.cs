using System.Text.Json;
using System.Text.RegularExpressions;
using LeadFunctions.Core.Security;
using LeadFunctions.Core.Webinars;
using LeadFunctions.Functions.Http;

namespace LeadFunctions.Functions.Webinars;

/// <summary>
/// Graph's changeNotificationCollection ("value": [...]) as teams-notifications messages: a registration's
/// notification names it in resourceData.id ("solutions/virtualEvents/webinars/{webinarId}/registrations/{id}"),
/// a lifecycle notification carries lifecycleEvent and its subscriptionId (learn.microsoft.com/graph,
/// changenotifications-for-virtualevent and change-notifications-lifecycle-events).
/// </summary>
public static partial class TeamsPayloads
{
    /// <summary>Graph batches notifications; more than this in one post is not Graph.</summary>
    public const int MaxNotifications = 1000;

    private const int MaxIdLength = 200;

    /// <summary>
    /// The messages to queue, or why the post is refused: <see cref="TeamsRead.Forged"/> when any notification's
    /// clientState is not ours (compared in fixed time), else <see cref="TeamsRead.Refusal"/> when it is not Graph's
    /// shape. A notification about another resource is acknowledged and left out.
    /// </summary>
    public static TeamsRead Read(JsonElement root, string clientState)
    {
        if (
            !root.TryGetProperty("value", out var value)
            || value.ValueKind != JsonValueKind.Array
            || value.GetArrayLength() is 0 or > MaxNotifications
        )
        {
            return new([], false, $"\"value\" must be an array of 1 to {MaxNotifications} notifications.");
        }

        var items = value.EnumerateArray().ToList();
        if (
            items.Any(n =>
                n.ValueKind != JsonValueKind.Object
                || !WebhookSignatures.IsSameSecret(clientState, n.Text("clientState"))
            )
        )
        {
            return new([], true, null);
        }

        var notifications = new List<TeamsNotification>();
        foreach (var item in items)
        {
            if (Notification(item) is not { } notification)
            {
                continue;
            }

            if (notification.WebinarId is null && notification.SubscriptionId is null)
            {
                return new([], false, "A lifecycle notification names its subscriptionId.");
            }

            notifications.Add(notification);
        }

        return new(notifications, false, null);
    }

    private static TeamsNotification? Notification(JsonElement item)
    {
        if (item.Text("lifecycleEvent") is { } lifecycleEvent)
        {
            return new TeamsNotification
            {
                Kind = TeamsNotification.Lifecycle,
                SubscriptionId = Id(item.Text("subscriptionId")),
                LifecycleEvent = lifecycleEvent.Length <= MaxIdLength ? lifecycleEvent : null,
            };
        }

        var resource = item.Child("resourceData");
        var match = RegistrationPath().Match(resource.Text("id") ?? resource.Text("@odata.id") ?? string.Empty);
        return match.Success && Id(match.Groups[1].Value) is { } webinarId && Id(match.Groups[2].Value) is { } id
            ? new TeamsNotification
            {
                Kind = TeamsNotification.Registration,
                WebinarId = webinarId,
                RegistrationId = id,
            }
            : null;
    }

    /// <summary>An id Graph could have written: short, and only the characters its ids use.</summary>
    private static string? Id(string? id) =>
        id is { Length: > 0 and <= MaxIdLength }
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@')
            ? id
            : null;

    [GeneratedRegex(
        "^/?solutions/virtualEvents/webinars/([^/]+)/registrations/([^/]+)/?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 100
    )]
    private static partial Regex RegistrationPath();
}

/// <summary>What <see cref="TeamsPayloads.Read"/> found: the messages, or that the post was forged, or why it cannot be
/// read.</summary>
public sealed record TeamsRead(IReadOnlyList<TeamsNotification> Notifications, bool Forged, string? Refusal);
