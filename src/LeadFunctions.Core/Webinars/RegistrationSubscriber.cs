using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Processing;

namespace LeadFunctions.Core.Webinars;

/// <summary>
/// Keeps each webinar's registrations current from the lead writes that record its events (webinar_registered,
/// webinar_attended), before the save: a registration never lags its event, so the webinar's end finds everyone whose
/// registration was recorded. The write is a merge of the event's fields, the same on every attempt and redelivery.
/// Events kept for a person who is no lead yet count too. A webinar_missed event is not written here: the end marks its
/// no-shows itself, a page in a few transactions rather than a write per event (<see cref="WebinarNoShows"/>).
/// </summary>
public sealed class RegistrationSubscriber(IWebinarRegistrations registrations) : ILeadChangeSubscriber
{
    public string Name => LeadChangeSubscribers.WebinarRegistrations;

    public Task BeforeSaveAsync(LeadChange change, CancellationToken cancellationToken) =>
        change.NewEvents.Select(Registration.From).OfType<Registration>().Where(r => r.MissedAt is null).ToList()
            is { Count: > 0 } updates
            ? registrations.RecordAsync(updates, cancellationToken)
            : Task.CompletedTask;
}
