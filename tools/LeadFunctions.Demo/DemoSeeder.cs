using System.Globalization;
using System.Text.Json.Nodes;

namespace LeadFunctions.Demo;

/// <summary>
/// Seeds the demo data set through the public routes, so that the pipeline does the work (merging, enrichment, scoring,
/// stages, consent, enrollments), in the order it would happen: the campaigns first, then the web forms, then the
/// webinar's registrations, then the fair's list with the engagement and the webinar's attendance, and last the sales
/// decisions. Each phase waits until the pipeline has recorded it. Running it twice changes next to nothing: forms and
/// events carry an Idempotency-Key, webinar deliveries are recognised, a campaign PUT is the same campaign, and a
/// decision already made is refused (409) and passed over; only the fair list is recorded once more on the timelines.
/// </summary>
internal sealed class DemoSeeder(DemoClient client, DemoData data, TimeProvider time, TextWriter output)
{
    private const string FairSource = "fair";

    /// <summary>Seeding takes seconds; a machine busy with other work can make the pipeline's queues slower by
    /// far.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public async Task<DemoSummary> SeedAsync(CancellationToken cancellationToken)
    {
        await UntilAsync(
            () => client.IsHealthyAsync(cancellationToken),
            () => "the host to answer /api/health",
            cancellationToken
        );
        foreach (var campaign in data.Campaigns)
        {
            await client.PutCampaignAsync(campaign, cancellationToken);
        }

        // One channel after the other, as it happened: a person who came by two channels has the first one's source.
        output.WriteLine($"demo: {data.Campaigns.Count} campaigns defined; sending the website's forms");
        await Task.WhenAll(
            data.Forms.Select(form =>
                client.SubmitFormAsync(form, "demo-form-" + DemoData.Id(DemoData.Email(form)), cancellationToken)
            )
        );
        await UntilRecordedAsync(data.Expected(DemoPhase.Forms), cancellationToken);

        output.WriteLine("demo: sending the webinar's registrations");
        await Task.WhenAll(data.Registrations.Select(w => client.PostWebinarAsync(WithTime(w), cancellationToken)));
        await UntilRecordedAsync(data.Expected(DemoPhase.Registrations), cancellationToken);

        output.WriteLine(
            "demo: importing the fair's visitor list, the site's engagement events and the webinar's attendance"
        );
        var import = await client.ImportCsvAsync(data.FairCsv, FairSource, cancellationToken);
        await Task.WhenAll(
            data.Events.Select((e, i) => client.PostEventAsync(WithTime(e), $"demo-event-{i}", cancellationToken))
        );
        await Task.WhenAll(data.Attendances.Select(w => client.PostWebinarAsync(WithTime(w), cancellationToken)));
        var expected = data.Expected(DemoPhase.All);
        await UntilRecordedAsync(expected, cancellationToken);

        var decided = 0;
        foreach (var decision in data.Decisions)
        {
            decided += await client.DecideAsync(DemoData.Id(decision.Email), decision, cancellationToken) ? 1 : 0;
        }

        output.WriteLine($"demo: {decided} sales decisions made ({data.Decisions.Count - decided} made before)");
        return await SummarizeAsync(expected.Keys, import, cancellationToken);
    }

    /// <summary>The item with its "daysAgo" turned into the occurredAt the routes take, and a webinar's
    /// "startsInDays" into its start (14:00 Istanbul time that many days ahead, for an hour) for the journey's
    /// reminders.</summary>
    private JsonObject WithTime(JsonObject item)
    {
        var copy = item.DeepClone().AsObject();
        var now = time.GetUtcNow();
        var daysAgo = (int?)copy["daysAgo"] ?? 0;
        copy.Remove("daysAgo");
        copy["occurredAt"] = now.AddDays(-daysAgo).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if ((int?)copy["startsInDays"] is { } days)
        {
            copy.Remove("startsInDays");
            var istanbul = TimeSpan.FromHours(3);
            var startsAt = new DateTimeOffset(now.ToOffset(istanbul).Date.AddDays(days).AddHours(14), istanbul);
            copy["startsAt"] = startsAt.ToString("O", CultureInfo.InvariantCulture);
            copy["endsAt"] = startsAt.AddHours(1).ToString("O", CultureInfo.InvariantCulture);
            copy["timeZone"] = "Europe/Istanbul";
        }

        return copy;
    }

    /// <summary>Until every lead has at least its submissions and events on its timeline: the pipeline has then scored
    /// and staged it.</summary>
    private async Task UntilRecordedAsync(
        IReadOnlyDictionary<string, (int Submissions, int Events)> expected,
        CancellationToken cancellationToken
    )
    {
        var waiting = expected.Keys.ToHashSet(StringComparer.Ordinal);
        await UntilAsync(
            async () =>
            {
                foreach (var id in waiting.ToList())
                {
                    var timeline = await client.GetTimelineAsync(id, cancellationToken);
                    if (
                        timeline.Count(t => t.Kind == "submission") >= expected[id].Submissions
                        && timeline.Count(t => t.Kind == "event") >= expected[id].Events
                    )
                    {
                        waiting.Remove(id);
                    }
                }

                return waiting.Count == 0;
            },
            () => $"the pipeline to record {expected.Count} leads ({waiting.Count} not yet)",
            cancellationToken
        );
    }

    private async Task<DemoSummary> SummarizeAsync(
        IEnumerable<string> ids,
        ImportAnswer import,
        CancellationToken cancellationToken
    )
    {
        var leads = new List<DemoLead>();
        foreach (var id in ids)
        {
            leads.Add(
                await client.GetLeadAsync(id, cancellationToken)
                    ?? throw new InvalidOperationException($"Lead {id} is gone.")
            );
        }

        // Campaign stats are committed within a second of what they count: read until two reads 1.5 s apart agree.
        var enrolled = await EnrolledAsync(cancellationToken);
        await UntilAsync(
            async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1.5), time, cancellationToken);
                var again = await EnrolledAsync(cancellationToken);
                (var settled, enrolled) = (again.SequenceEqual(enrolled), again);
                return settled;
            },
            () => "the campaign stats to settle",
            cancellationToken
        );
        return new DemoSummary(leads, enrolled, import);
    }

    private async Task<Dictionary<string, long>> EnrolledAsync(CancellationToken cancellationToken)
    {
        var enrolled = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var campaign in data.Campaigns)
        {
            enrolled[campaign.Id] = await client.GetEnrolledAsync(campaign.Id, cancellationToken);
        }

        return enrolled;
    }

    private async Task UntilAsync(Func<Task<bool>> condition, Func<string> what, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + Patience;
        while (!await condition())
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Gave up after {Patience.TotalSeconds:0} s waiting for {what()}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
        }
    }
}
