using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Nurture;
using LeadFunctions.Core.Tests.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Nurture;

public sealed class NurtureRedriveTests
{
    private static readonly Campaign ThreeSteps = NurtureWorld.Campaign(
        "fair",
        ("welcome", TimeSpan.Zero),
        ("case-study", TimeSpan.FromDays(2))
    );

    [Fact]
    public async Task RedriveAsync_APoisonedMessage_GoesOutAgain_ItsOwnClaimUncertain_TheRestSentOnce()
    {
        var world = new NurtureWorld();
        world.Put(ThreeSteps);
        string[] emails = ["ali@acme.com", "banu@acme.com", "cem@acme.com"];
        foreach (var email in emails)
        {
            await world.EnrollAsync(NurtureWorld.Lead(email), ThreeSteps);
        }

        await world.Scheduler.DispatchAsync(CancellationToken.None);
        var message = Assert.Single(world.Queue.Take());
        var claimed = message.DueSends()[0].LeadId;
        world.Email.FailNext = new OperationCanceledException("the host died with the first email in flight");
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            world.NurtureSender.SendAsync(message, CancellationToken.None)
        );
        var poison = new InMemoryPoison([message]); // and so on every delivery: the message is in the poison queue

        var redrive = new NurtureRedrive(poison, world.Queue, world.Pipeline.Ids, world.Pipeline.Time);
        Assert.Equal(1, await redrive.RedriveAsync(CancellationToken.None));
        var again = Assert.Single(world.Queue.Take());
        var outcomes = await world.NurtureSender.SendAsync(again, CancellationToken.None);

        Assert.Empty(poison.Messages);
        Assert.Equal(1, again.Redriven);
        Assert.Equal(SequentialIds.Nth(2), again.DispatchId); // a new id: the scheduler's message had the first
        Assert.Equal([message.DispatchId], again.Earlier!);
        Assert.Equal(
            [NurtureSendOutcome.Sent, NurtureSendOutcome.Sent, NurtureSendOutcome.Uncertain],
            outcomes.Order()
        );
        Assert.Equal(2, world.Email.Sent.Count);
        Assert.DoesNotContain(world.Email.Sent, m => m.CustomArgs[MailCustomArgs.LeadId] == claimed);
        Assert.Equal(StepState.Uncertain, world.EnrollmentOf(claimed, "fair")!.Step("welcome")!.State);
        Assert.All(emails.Select(LeadId.FromEmail), id =>
            Assert.Equal("case-study", world.EnrollmentOf(id, "fair")!.NextStepId)
        );
    }

    [Fact]
    public async Task RedriveAsync_AMessageRedrivenTooOften_StaysForAPerson_EvenWhenHalved()
    {
        var message = NurtureSendBatch.Of(
            "d1",
            [new DueSend("a", "fair", "welcome", Pipeline.Start), new DueSend("b", "fair", "welcome", Pipeline.Start)]
        );
        for (var i = 0; i < NurtureRedrive.MaxRedrives; i++)
        {
            message = message.Redrive($"r{i}");
        }

        var (half, _) = message.Halves("h1", "h2");
        var poison = new InMemoryPoison([message, half]);
        var queue = new RecordingSendQueue();

        var redrive = new NurtureRedrive(poison, queue, new SequentialIds(), new FakeTimeProvider(Pipeline.Start));
        Assert.Equal(0, await redrive.RedriveAsync(CancellationToken.None));
        Assert.Equal(2, poison.Messages.Count);
        Assert.Equal(1, poison.Takes); // read, and left for a person
        Assert.Empty(queue.All);
    }

    [Fact]
    public async Task RedriveAsync_LooksAtThePoisonQueueOnTheFirstRunAndOnceAMinute_NotOnEveryRun()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 2, TimeSpan.Zero));
        var poison = new InMemoryPoison([]);
        var redrive = new NurtureRedrive(poison, new RecordingSendQueue(), new SequentialIds(), time);

        var takes = new List<int>();
        for (var run = 0; run < 36; run++) // three minutes of runs every 5 s
        {
            await redrive.RedriveAsync(CancellationToken.None);
            takes.Add(poison.Takes);
            time.Advance(NurtureScheduler.Period);
        }

        // On the host's first run, then once in each of the next two minutes.
        Assert.Equal([1, 2, 3], takes.Chunk(12).Select(c => c[^1]));
    }

    private sealed class InMemoryPoison(IEnumerable<NurtureSendBatch> batches) : IPoisonedNurtureSends
    {
        public List<PoisonedNurtureSend> Messages { get; } =
        [.. batches.Select((b, i) => new PoisonedNurtureSend(b, $"m{i}", "receipt"))];

        /// <summary>How often the queue was read.</summary>
        public int Takes { get; private set; }

        public Task<IReadOnlyList<PoisonedNurtureSend>> TakeAsync(
            int max,
            TimeSpan hide,
            CancellationToken cancellationToken
        )
        {
            Takes++;
            return Task.FromResult<IReadOnlyList<PoisonedNurtureSend>>([.. Messages.Take(max)]);
        }

        public Task DeleteAsync(PoisonedNurtureSend message, CancellationToken cancellationToken)
        {
            Messages.Remove(message);
            return Task.CompletedTask;
        }
    }
}
