using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Leads;
using LeadFunctions.Testing;

namespace LeadFunctions.Benchmarks;

/// <summary>
/// Sending at most once through crashes: enrolled leads due at once, a journey (a first email, a wait for its click
/// that times out, a branch on the country, an email on each branch), the host SIGKILLed and started again every 2 to
/// 6 s until every due step is settled. Then each (lead, step) must have reached
/// the SendGrid stand-in at most once, and the steps sent plus those left uncertain must be the steps that fell due.
/// With SendGrid's events (<see cref="EventWebhookStandIn"/>: a processed event for every send the stand-in took) and
/// <c>Nurture:ResendUnconfirmedAfter</c> at a minute, none may be left uncertain: sent = due.
/// </summary>
internal static class NurtureCrashScenario
{
    /// <summary>The wait after the first email times out soon and the branch's email follows, so they fall due and are
    /// dealt with during the kills too.</summary>
    private static readonly TimeSpan WaitAtMost = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan BranchEmailDelay = TimeSpan.FromSeconds(10);

    /// <summary>step-1 → wait for a click of it (nobody clicks; 20 s) → Turkey? → step-tr or step-global (10 s
    /// later).</summary>
    private static Campaign Journey()
    {
        var emails = NurtureSeed.Drip("crash-journey", TimeSpan.Zero, BranchEmailDelay, BranchEmailDelay).Steps;
        return NurtureSeed.Drip("crash-journey") with
        {
            Steps =
            [
                emails[0],
                new CampaignStep
                {
                    Id = "clicked",
                    Wait = new StepWait(new WaitUntil { Clicked = emails[0].Id }, WaitAtMost, Journeys.End, null),
                },
                new CampaignStep
                {
                    Id = "in-turkey",
                    Condition = new StepCondition(new PersonCondition { Countries = ["TR"] }, "step-tr", "step-global"),
                },
                emails[1] with
                {
                    Id = "step-tr",
                    Next = Journeys.End,
                },
                emails[2] with
                {
                    Id = "step-global",
                },
            ],
        };
    }

    public static async Task RunAsync(AzuriteProcess azurite, int leads, TimeSpan patience, bool withEvents)
    {
        var prefix = "bk" + Guid.NewGuid().ToString("N")[..8];
        var figure = withEvents ? "nurture crash with SendGrid's events" : "nurture crash";
        await using var standIn = await MailSendStandIn.StartAsync();
        await using var events = new EventWebhookStandIn(standIn);
        var campaign = Journey();
        await using (var seed = await NurtureSeed.OpenAsync(azurite, prefix))
        {
            await seed.PutAsync(campaign);
            var now = DateTimeOffset.UtcNow;
            await seed.EnrollAsync([campaign], prefix, 0, leads, (_, _) => now);
        }

        // A killed host's messages come back after the short lease; its timer lock lapses after 15 s (the
        // least a blob lease can be) and the next host looks for it every second, so the timer keeps running
        // in whichever host is alive. No gap between emails: the branch's email goes when due.
        await using var host = new HostProcess([
            .. azurite.HostSettings(prefix),
            .. standIn.HostSettings,
            "--Runtime:Queues:MessageLease=00:00:15",
            "--AzureFunctionsJobHost:singleton:listenerLockPeriod=00:00:15",
            "--AzureFunctionsJobHost:singleton:listenerLockRecoveryPollingInterval=00:00:01",
            "--Nurture:MinGapBetweenEmails=00:00:00",
            .. (withEvents ? [events.Setting, "--Nurture:ResendUnconfirmedAfter=00:01:00"] : Array.Empty<string>()),
        ]);
        if (withEvents)
        {
            events.Start(host);
        }

        await using var reader = await NurtureSeed.OpenAsync(azurite, prefix);
        var (kills, deadline) = (0, DateTimeOffset.UtcNow + patience);
        var steps = await StepsAsync(reader.Leads, campaign.Id);
        await host.StartAsync();

        // The timer's first run needs a host that holds its lock at a minute's start and lives through the run (only
        // then is there a schedule status, by which later hosts see a missed minute and run at once): kills start
        // when the first emails arrive.
        var firstRun = DateTimeOffset.UtcNow.AddSeconds(90);
        while (standIn.Received.Count == 0 && DateTimeOffset.UtcNow < firstRun)
        {
            await Task.Delay(100);
        }

        Report.Note(
            $"{DateTimeOffset.UtcNow:HH:mm:ss} first emails at the stand-in; killing the host every 2–6 s from now on"
        );
        while (!steps.Settled && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2 + (4 * Random.Shared.NextDouble())));
            await host.KillAsync();
            kills++;
            steps = await StepsAsync(reader.Leads, campaign.Id);
            if (kills % 10 == 0)
            {
                Report.Note(
                    $"{DateTimeOffset.UtcNow:HH:mm:ss} killed {kills} times; {steps}; {standIn.Received.Count} "
                        + $"requests at the stand-in"
                );
            }

            if (!steps.Settled)
            {
                await host.StartAsync();
            }
        }

        if (withEvents)
        {
            // The events still on their way settle what is uncertain: a host to take them, until none is left.
            await host.StartAsync();
            var drained = DateTimeOffset.UtcNow.AddMinutes(1);
            while (!(events.Drained && steps.Uncertain == 0) && DateTimeOffset.UtcNow < drained)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                steps = await StepsAsync(reader.Leads, campaign.Id);
            }
        }

        var twice = standIn.Received.GroupBy(s => (s.Lead, s.Step)).Count(g => g.Count() > 1);
        Report.Figure(
            $"{figure}: enrollments through the wait's timeout and the condition",
            steps.Branched,
            string.Empty,
            $"{leads} (every one)",
            steps.Branched == leads
        );
        var reached = standIn.Received.Select(s => (s.Lead, s.Step)).Distinct().Count();
        Report.Figure(
            $"{figure}: (lead, step) pairs sent to SendGrid more than once",
            twice,
            string.Empty,
            "0",
            twice == 0
        );
        if (withEvents)
        {
            Report.Figure(
                $"{figure}: due steps not sent",
                steps.Due - steps.Sent,
                string.Empty,
                "0 (sent = due)",
                steps.Settled && steps.Sent == steps.Due && steps.Sent <= reached
            );
        }
        else
        {
            Report.Figure(
                $"{figure}: due steps neither sent nor uncertain",
                steps.Due - steps.Sent - steps.Uncertain,
                string.Empty,
                "0 (sent + uncertain = due)",
                steps.Settled && steps.Sent + steps.Uncertain == steps.Due && steps.Sent <= reached
            );
        }

        Report.Note(
            $"{leads} leads, host killed {kills} times; {steps}; {standIn.Received.Count} requests for {reached} "
                + $"(lead, step) pairs at the stand-in"
        );
    }

    /// <summary>Every email step of every enrollment in the campaign, by what happened to it (a wait or a condition is
    /// no email: it keeps the enrollment unsettled while it waits).</summary>
    private static async Task<StepCount> StepsAsync(ILeadStore leads, string campaignId)
    {
        var count = new StepCount();
        await foreach (var snapshot in leads.ScanAsync(new LeadIdRange("0", "g"), CancellationToken.None))
        {
            if (snapshot.EnrollmentIn(campaignId) is not { } enrollment)
            {
                continue;
            }

            foreach (var step in enrollment.Steps.Where(s => s.State is not (StepState.Waiting or StepState.Passed)))
            {
                count.Add(step);
            }

            if (
                enrollment.Step("clicked")?.Branch == Journeys.Timeout
                && enrollment.Step("in-turkey") is { Branch: { } }
            )
            {
                count.AddBranched();
            }

            // Waiting on an uncertain step to send it once more (Nurture:ResendUnconfirmedAfter).
            if (
                enrollment.Status == EnrollmentStatus.Active
                && enrollment.NextStepId is { } parked
                && enrollment.Step(parked) is { State: StepState.Uncertain }
            )
            {
                count.AddResend();
            }

            // A step not yet taken up, or a wait not timed out yet: due (the timer or a message will get to it), or still
            // to fall due.
            if (
                enrollment.Status == EnrollmentStatus.Active
                && enrollment.NextStepId is { } next
                && enrollment.Step(next) is null or { State: StepState.Waiting }
            )
            {
                count.AddNext(enrollment.NextDueAt <= DateTimeOffset.UtcNow);
            }
        }

        return count;
    }

    private sealed class StepCount
    {
        public int Sent { get; private set; }

        public int Uncertain { get; private set; }

        public int Sending { get; private set; }

        public int Other { get; private set; }

        public int Waiting { get; private set; }

        public int Later { get; private set; }

        /// <summary>Uncertain steps whose enrollments wait to send them once more.</summary>
        public int Resending { get; private set; }

        public void AddResend() => Resending++;

        /// <summary>Enrollments that went through the wait's timeout and the condition.</summary>
        public int Branched { get; private set; }

        public void AddBranched() => Branched++;

        /// <summary>Every step that fell due: dealt with in some way, or still waiting.</summary>
        public int Due => Sent + Uncertain + Sending + Other + Waiting;

        /// <summary>Every enrollment is through its steps: none waiting or still to fall due, none held by a claim in
        /// progress.</summary>
        public bool Settled => Due > 0 && Waiting == 0 && Later == 0 && Sending == 0 && Resending == 0;

        public void AddNext(bool due)
        {
            if (due)
            {
                Waiting++;
            }
            else
            {
                Later++;
            }
        }

        /// <summary>Sent steps that were uncertain, or claimed by a sender that died, until SendGrid's event said they
        /// went.</summary>
        public int ConfirmedByEvent { get; private set; }

        /// <summary>Steps sent once more after staying uncertain (Nurture:ResendUnconfirmedAfter).</summary>
        public int SentOnceMore { get; private set; }

        public void Add(StepRecord step)
        {
            // Sent with no message id: no answer of SendGrid's recorded it (every answer of the stand-in carries one), an
            // event of SendGrid's did.
            ConfirmedByEvent += step is { State: StepState.Sent, MessageId: null } ? 1 : 0;
            SentOnceMore += step is { State: StepState.Sent, Resent: true } ? 1 : 0;
            switch (step.State)
            {
                case StepState.Sent:
                    Sent++;
                    break;
                case StepState.Uncertain:
                    Uncertain++;
                    break;
                case StepState.Sending:
                    Sending++;
                    break;
                default:
                    Other++;
                    break;
            }
        }

        public override string ToString() =>
            $"{Due} steps due: {Sent} sent, {Uncertain} uncertain, {Sending} being sent, {Other} skipped or failed, "
            + $"{Waiting} waiting, {Resending} to be sent once more; {Later} not due yet; of the sent, "
            + $"{ConfirmedByEvent} known by SendGrid's event only, {SentOnceMore} sent once more";
    }
}
