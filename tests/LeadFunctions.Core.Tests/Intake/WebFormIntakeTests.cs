using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;
using Microsoft.Extensions.Time.Testing;

namespace LeadFunctions.Core.Tests.Intake;

public class WebFormIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly RequestEvidence Client = new("203.0.113.7", "Mozilla/5.0");
    private static readonly string NewSubmissionId = Guid.CreateVersion7(Now).ToString("N");

    private sealed class RecordingQueue : ISubmissionQueue
    {
        public List<LeadSubmission> Queued { get; } = [];

        public Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken)
        {
            Queued.Add(submission);
            return Task.CompletedTask;
        }
    }

    private sealed class FixedIds : IIdGenerator
    {
        public string NewId() => NewSubmissionId;
    }

    private sealed class FixedRandom : IRandomSource
    {
        public double NextDouble() => 0;

        public string NextHex(int length) => new('f', length);
    }

    private readonly RecordingQueue queue = new();

    private Task<WebFormOutcome> SubmitAsync(Dictionary<string, string?> fields, string? idempotencyKey = null)
    {
        var rules = new WebFormRules(
            new HashSet<string>(StringComparer.Ordinal) { "https://www.acme.com.tr" },
            TimeSpan.FromSeconds(3)
        );
        var intake = new WebFormIntake(queue, rules, new FakeTimeProvider(Now), new FixedIds(), new FixedRandom());
        return intake.SubmitAsync(new WebFormPost(fields, idempotencyKey, Client), default);
    }

    private static Dictionary<string, string?> Form(params (string Name, string? Value)[] extra)
    {
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["email"] = "ayse@acme.com.tr",
            ["firstName"] = "Ayşe",
        };
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        return fields;
    }

    [Fact]
    public async Task SubmitAsync_APersonsValidForm_QueuedAndAccepted()
    {
        var outcome = await SubmitAsync(Form());

        Assert.Null(outcome.Errors);
        Assert.Null(outcome.Redirect);
        var queued = Assert.Single(queue.Queued);
        Assert.Equal("ayse@acme.com.tr", queued.Email);
        Assert.NotNull(outcome.LeadId);
        Assert.Equal(queued.Source, outcome.Source);
    }

    [Fact]
    public async Task SubmitAsync_RedirectToAnAllowedOrigin_AcceptedWithIt()
    {
        var outcome = await SubmitAsync(Form(("redirect", "https://www.acme.com.tr/thanks")));

        Assert.Equal(new Uri("https://www.acme.com.tr/thanks"), outcome.Redirect);
        Assert.Single(queue.Queued);
    }

    [Theory]
    [InlineData("https://evil.example/thanks")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/thanks")]
    public async Task SubmitAsync_RedirectElsewhere_InvalidAndNothingQueued(string redirect)
    {
        var outcome = await SubmitAsync(Form(("redirect", redirect)));

        Assert.Equal(["redirect"], outcome.Errors?.Keys);
        Assert.Empty(queue.Queued);
    }

    [Fact]
    public async Task SubmitAsync_HoneypotFilled_AcceptedLikeAPersonButNothingQueued()
    {
        var outcome = await SubmitAsync(
            Form(("website", "http://spam.example"), ("redirect", "https://www.acme.com.tr/thanks"))
        );

        Assert.Null(outcome.Errors);
        Assert.Equal(new Uri("https://www.acme.com.tr/thanks"), outcome.Redirect);
        Assert.Null(outcome.Source);
        Assert.Empty(queue.Queued);
    }

    [Fact]
    public async Task SubmitAsync_BotWithoutAValidEmail_AcceptedWithARandomIdShapedLikeALeadId()
    {
        var outcome = await SubmitAsync(Form(("website", "http://spam.example"), ("email", "not-an-email")));

        Assert.Null(outcome.Errors);
        Assert.Equal(new string('f', LeadId.Length), outcome.LeadId);
        Assert.Empty(queue.Queued);
    }

    [Fact]
    public async Task SubmitAsync_FilledFasterThanAPersonCan_AcceptedButNothingQueued()
    {
        var outcome = await SubmitAsync(
            Form(
                (
                    "formStartedAt",
                    Now.AddSeconds(-1)
                        .ToUnixTimeMilliseconds()
                        .ToString(System.Globalization.CultureInfo.InvariantCulture)
                )
            )
        );

        Assert.NotNull(outcome.LeadId);
        Assert.Empty(queue.Queued);
    }

    [Theory]
    [InlineData(-10)]
    [InlineData(60)] // a visitor's clock that runs fast is no sign of a bot
    public async Task SubmitAsync_FillTimeOfAPerson_Queued(int startedSecondsFromNow)
    {
        await SubmitAsync(Form(("formStartedAt", Now.AddSeconds(startedSecondsFromNow).ToString("O"))));

        Assert.Single(queue.Queued);
    }

    [Fact]
    public async Task SubmitAsync_NoIdempotencyKey_ANewSubmissionId()
    {
        await SubmitAsync(Form());

        Assert.Equal(NewSubmissionId, Assert.Single(queue.Queued).SubmissionId);
    }

    [Fact]
    public async Task SubmitAsync_SameIdempotencyKey_SameSubmissionId()
    {
        await SubmitAsync(Form(), "order-42");
        await SubmitAsync(Form(), "order-42");

        Assert.Equal(2, queue.Queued.Count);
        Assert.StartsWith("idem-", queue.Queued[0].SubmissionId, StringComparison.Ordinal);
        Assert.Equal(queue.Queued[0].SubmissionId, queue.Queued[1].SubmissionId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("şifre")]
    public async Task SubmitAsync_MalformedIdempotencyKey_InvalidAndNothingQueued(string key)
    {
        var outcome = await SubmitAsync(Form(), key);

        Assert.Equal([IdempotencyKey.HeaderName], outcome.Errors?.Keys);
        Assert.Empty(queue.Queued);
    }

    [Fact]
    public async Task SubmitAsync_InvalidEmail_InvalidNamingIt()
    {
        var outcome = await SubmitAsync(Form(("email", "not-an-address")));

        Assert.Contains("email", outcome.Errors!.Keys);
        Assert.Empty(queue.Queued);
    }

    [Fact]
    public async Task SubmitAsync_ConsentGiven_RequestsAddressAndBrowserKeptAsEvidence()
    {
        await SubmitAsync(Form(("consentEmail", "on")));

        var queued = Assert.Single(queue.Queued);
        Assert.True(queued.ConsentEmail);
        Assert.Equal(Client.Ip, queued.ConsentIp);
        Assert.Equal(Client.UserAgent, queued.ConsentUserAgent);
    }

    [Fact]
    public async Task SubmitAsync_NoConsent_NoEvidenceKept()
    {
        await SubmitAsync(Form(("consentEmail", "false")));

        var queued = Assert.Single(queue.Queued);
        Assert.Null(queued.ConsentIp);
        Assert.Null(queued.ConsentUserAgent);
    }
}
