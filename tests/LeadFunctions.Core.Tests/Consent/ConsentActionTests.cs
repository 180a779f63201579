using LeadFunctions.Core.Campaigns;
using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Email;
using LeadFunctions.Core.Leads;

namespace LeadFunctions.Core.Tests.Consent;

public class ConsentActionTests
{
    private const string Email = "ayse@acme.com.tr";
    private static readonly string Id = LeadId.FromEmail(Email);

    private static async Task<(
        Pipeline Pipeline,
        InMemorySuppressionList Suppressions,
        ConsentLinkActions Actions
    )> PendingLeadAsync()
    {
        Assert.True(DoubleOptInPolicy.TryParse("all", out var all, out _));
        var pipeline = new Pipeline(ConsentSettings.Default with { DoubleOptIn = all });
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1") with { ConsentEmail = true }, default);
        var suppressions = new InMemorySuppressionList();
        return (
            pipeline,
            suppressions,
            new ConsentLinkActions(pipeline.Store, pipeline.Consent, suppressions, pipeline.Recorder, pipeline.Time)
        );
    }

    [Fact]
    public async Task Confirm_PendingGrant_GrantsWithTheClicksEvidence_SecondClickChangesNothing()
    {
        var (pipeline, _, actions) = await PendingLeadAsync();
        var token = new ConsentToken(TokenPurpose.Confirm, Id, "submission-s1", null);
        Assert.Equal(
            LinkOutcome.Done,
            await actions.ConfirmAsync(token, new RequestEvidence("198.51.100.4", "Firefox"), default)
        );
        Assert.Equal(ConsentStatus.Granted, pipeline.Store[Id]!.Consent.Email);
        Assert.Equal(
            LinkOutcome.AlreadyDone,
            await actions.ConfirmAsync(token, new RequestEvidence("198.51.100.4", "Firefox"), default)
        );

        var ledger = await pipeline.Store.ReadConsentAsync(Id, default);
        Assert.Equal([ConsentAction.Pending, ConsentAction.Confirmed], ledger.Select(r => r.Action));
        Assert.Equal("198.51.100.4", ledger[1].Ip);
    }

    [Fact]
    public async Task Confirm_LinkOfAnotherGrant_ChangesNothing()
    {
        var (pipeline, _, actions) = await PendingLeadAsync();
        Assert.Equal(
            LinkOutcome.NothingToDo,
            await actions.ConfirmAsync(
                new ConsentToken(TokenPurpose.Confirm, Id, "submission-old", null),
                new RequestEvidence(null, null),
                default
            )
        );
        Assert.Equal(ConsentStatus.Pending, pipeline.Store[Id]!.Consent.Email);
    }

    [Fact]
    public async Task Unsubscribe_WithdrawsAndSuppresses_SameLinkTwiceRecordsOnce()
    {
        var (pipeline, suppressions, actions) = await PendingLeadAsync();
        var token = new ConsentToken(TokenPurpose.Unsubscribe, Id, null, null);
        await actions.UnsubscribeAsync("the-token", token, new RequestEvidence("198.51.100.4", null), default);
        await actions.UnsubscribeAsync("the-token", token, new RequestEvidence("198.51.100.4", null), default);

        Assert.Equal(ConsentStatus.Withdrawn, pipeline.Store[Id]!.Consent.Email);
        Assert.Equal(SuppressionReason.Unsubscribed, suppressions.Entries[SuppressionKey.For(Email)].Reason);
        Assert.Equal(2, (await pipeline.Store.ReadConsentAsync(Id, default)).Count);
        Assert.Equal(
            LinkOutcome.NothingToDo,
            await actions.ConfirmAsync(
                new ConsentToken(TokenPurpose.Confirm, Id, "submission-s1", null),
                new RequestEvidence(null, null),
                default
            )
        );
    }

    [Fact]
    public async Task ConfirmationSender_SendsOncePerPendingGrant_WithTheLinkAndTheSender()
    {
        var (pipeline, suppressions, _) = await PendingLeadAsync();
        var emails = new RecordingEmailSender();
        var links = new ConsentLinks(
            new Uri("https://leads.example.com/"),
            new ConsentTokens("a-secret-of-at-least-thirty-two-characters")
        );
        var sender = new ConsentConfirmationSender(
            pipeline.Store,
            pipeline.Updater,
            emails,
            suppressions,
            links,
            pipeline.ConsentSettings,
            new SenderIdentity("Acme", "Levent, İstanbul"),
            pipeline.Time
        );
        var request = Assert.Single(pipeline.Confirmations.Requests);

        Assert.True(await sender.SendAsync(request, default));
        Assert.False(await sender.SendAsync(request, default));
        var email = Assert.Single(emails.Sent);
        Assert.Equal(Email, email.To);
        Assert.Contains("https://leads.example.com/api/consent/confirm?t=", email.Text, StringComparison.Ordinal);
        Assert.Contains("Levent, İstanbul", email.Html, StringComparison.Ordinal);
        Assert.Equal(Id, email.CustomArgs[MailCustomArgs.LeadId]);
        Assert.False(await sender.SendAsync(request with { RecordId = "submission-other" }, default));
    }

    [Fact]
    public async Task ConfirmationSender_SuppressedAddress_GetsNothing()
    {
        var (pipeline, suppressions, _) = await PendingLeadAsync();
        await suppressions.SuppressAsync(Email, SuppressionReason.HardBounce, pipeline.Time.GetUtcNow(), null, default);
        var emails = new RecordingEmailSender();
        var links = new ConsentLinks(
            new Uri("https://leads.example.com/"),
            new ConsentTokens("a-secret-of-at-least-thirty-two-characters")
        );
        var sender = new ConsentConfirmationSender(
            pipeline.Store,
            pipeline.Updater,
            emails,
            suppressions,
            links,
            pipeline.ConsentSettings,
            new SenderIdentity("Acme", "İstanbul"),
            pipeline.Time
        );
        Assert.False(await sender.SendAsync(Assert.Single(pipeline.Confirmations.Requests), default));
        Assert.Empty(emails.Sent);
    }

    [Fact]
    public async Task Import_SameFileTwice_RecordsEachDecisionOnce_RefusalBeatsOlderGrant()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1") with { ConsentEmail = true }, default);
        var processor = new ConsentImportProcessor(pipeline.Consent);
        var batch = new ConsentImportBatch(
            "imp1",
            [
                new ConsentImportRow
                {
                    Line = 2,
                    Email = Email,
                    Granted = false,
                    DecidedAt = Pipeline.Start,
                    IysSource = "HS_CAGRI_MERKEZI",
                },
                new ConsentImportRow
                {
                    Line = 3,
                    Email = Email,
                    Granted = true,
                    DecidedAt = Pipeline.Start.AddDays(-30),
                    IysSource = "HS_WEB",
                },
            ]
        );
        await processor.ProcessAsync(batch, default);
        await processor.ProcessAsync(batch, default);

        Assert.Equal(ConsentStatus.Withdrawn, pipeline.Store[Id]!.Consent.Email);
        Assert.Equal(3, (await pipeline.Store.ReadConsentAsync(Id, default)).Count);
    }

    [Fact]
    public void IysRecords_MapActionsSourcesAndTurkeyTime()
    {
        var at = new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero);
        ConsentChange Change(ConsentAction action, ConsentSource source, string? iys = null) =>
            new(
                Email,
                new ConsentRecord
                {
                    Id = "x",
                    Action = action,
                    At = at,
                    Source = source,
                    IysSource = iys,
                    RecipientType = RecipientType.Merchant,
                },
                at
            );

        Assert.Equal(
            new IysRecord(Email, "EPOSTA", "HS_WEB", "ONAY", "2026-12-01 10:30:00", "TACIR"),
            IysRecords.From(Change(ConsentAction.Granted, ConsentSource.Form))
        );
        Assert.Equal("RET", IysRecords.From(Change(ConsentAction.Withdrawn, ConsentSource.UnsubscribeLink))!.Status);
        Assert.Equal(
            "HS_EPOSTA",
            IysRecords.From(Change(ConsentAction.Withdrawn, ConsentSource.UnsubscribeLink))!.Source
        );
        Assert.Equal("HS_ETKINLIK", IysRecords.From(Change(ConsentAction.Confirmed, ConsentSource.Webinar))!.Source);
        Assert.Equal(
            "HS_CAGRI_MERKEZI",
            IysRecords.From(Change(ConsentAction.Refused, ConsentSource.IysImport, "HS_CAGRI_MERKEZI"))!.Source
        );
        Assert.Null(IysRecords.From(Change(ConsentAction.Pending, ConsentSource.Form)));
    }

    [Theory]
    [InlineData("2015-01-15 10:00:00")] // winter: Turkey was +02:00 then
    [InlineData("2015-07-15 10:00:00")] // summer: +03:00
    [InlineData("2026-12-01 10:30:00")]
    public void IysRecords_DateImportedWithoutOffset_GoesOutAsItCameIn(string date)
    {
        Assert.True(ConsentImportDate.TryParse(date, out var at));
        var change = new ConsentChange(
            Email,
            new ConsentRecord
            {
                Id = "x",
                Action = ConsentAction.Granted,
                At = at,
                Source = ConsentSource.Form,
            },
            at
        );
        Assert.Equal(date, IysRecords.From(change)!.ConsentDate);
    }

    [Fact]
    public async Task ChangeLog_OnlyDecisionsThatChangedTheState()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1") with { ConsentEmail = true }, default);
        var recorder = pipeline.Consent;
        var refusal = new ConsentRecord
        {
            Id = "op-1",
            Action = ConsentAction.Refused,
            At = Pipeline.Start.AddHours(1),
            Source = ConsentSource.Operator,
        };
        await recorder.RecordAsync(Email, refusal, default);

        // A repeat of the refusal on another day, an older grant the ledger ignores, and decisions that came from İYS.
        pipeline.Time.Advance(TimeSpan.FromDays(1));
        await recorder.RecordAsync(Email, refusal, default);
        await recorder.RecordAsync(
            Email,
            new ConsentRecord
            {
                Id = "op-0",
                Action = ConsentAction.Granted,
                At = Pipeline.Start.AddMinutes(30),
                Source = ConsentSource.Operator,
            },
            default
        );
        var fromIys = new ConsentImportBatch(
            "imp1",
            [
                new ConsentImportRow
                {
                    Line = 2,
                    Email = Email,
                    Granted = true,
                    DecidedAt = Pipeline.Start.AddHours(2),
                },
            ]
        )
        {
            FromIys = true,
        };
        await new ConsentImportProcessor(recorder).ProcessAsync(fromIys, default);

        Assert.Equal(ConsentStatus.Granted, pipeline.Store[Id]!.Consent.Email);
        Assert.Equal(["submission-s1", "op-1"], pipeline.ConsentChanges.Changes.Select(c => c.Record.Id));
        Assert.All(pipeline.ConsentChanges.Changes, c => Assert.True(c.RecordedAt < Pipeline.Start.AddDays(1)));
    }

    [Fact]
    public async Task ChangeLog_ACallCentresListImported_ItsRefusalIsExported_AnIysDownloadsIsNot()
    {
        var pipeline = new Pipeline();
        await pipeline.Intake.ProcessAsync(Pipeline.Submission("s1") with { ConsentEmail = true }, default);
        var processor = new ConsentImportProcessor(pipeline.Consent);
        ConsentImportRow Refusal(int hours) =>
            new()
            {
                Line = 2,
                Email = Email,
                Granted = false,
                DecidedAt = Pipeline.Start.AddHours(hours),
                IysSource = "HS_CAGRI_MERKEZI",
            };

        await processor.ProcessAsync(new ConsentImportBatch("call-centre", [Refusal(1)]), default);
        var exported = pipeline.ConsentChanges.Changes.Count;
        await processor.ProcessAsync(
            new ConsentImportBatch("iys", [Refusal(1) with { Granted = true, DecidedAt = Pipeline.Start.AddHours(2) }])
            {
                FromIys = true,
            },
            default
        );

        Assert.Equal(
            ("RET", "HS_CAGRI_MERKEZI"),
            (
                IysRecords.From(pipeline.ConsentChanges.Changes[^1])!.Status,
                IysRecords.From(pipeline.ConsentChanges.Changes[^1])!.Source
            )
        );
        Assert.Equal(exported, pipeline.ConsentChanges.Changes.Count);
        Assert.Equal(ConsentStatus.Granted, pipeline.Store[Id]!.Consent.Email);
    }
}
