using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Enrichment;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Scoring;

namespace LeadFunctions.Core.Tests;

/// <summary>Enrichment from the email alone: a business domain unless it is gmail.com.</summary>
internal sealed class DomainOnlyEnricher : ILeadEnricher
{
    public ValueTask<LeadEnrichment> EnrichAsync(string normalizedEmail, string? phone, string? country, CancellationToken cancellationToken)
    {
        var domain = EmailAddress.Domain(normalizedEmail);
        var free = domain == "gmail.com";
        return ValueTask.FromResult(new LeadEnrichment(domain, free, false, free ? null : domain, null, null, country, null));
    }
}

internal sealed class InMemoryScoringModelStore : IScoringModelStore
{
    public ScoringModel? Model { get; set; }

    public Task<ScoringModel?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Model);

    public Task SaveAsync(ScoringModel model, CancellationToken cancellationToken)
    {
        Model = model;
        return Task.CompletedTask;
    }
}

internal sealed class RecordingHandoffQueue : ISalesHandoffQueue
{
    public List<SalesHandoff> Sent { get; } = [];

    public Task EnqueueAsync(SalesHandoff handoff, CancellationToken cancellationToken)
    {
        Sent.Add(handoff);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingConsentChangeLog : IConsentChangeLog
{
    public List<ConsentChange> Changes { get; } = [];

    public Task AppendAsync(string normalizedEmail, ConsentRecord record, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        Changes.RemoveAll(c => c.Email == normalizedEmail && c.Record.Id == record.Id);
        Changes.Add(new ConsentChange(normalizedEmail, record, recordedAt));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<ConsentChange> ReadAsync(DateTimeOffset since, DateTimeOffset until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var change in Changes.Where(c => c.RecordedAt >= since && c.RecordedAt < until))
        {
            yield return change;
        }
    }
}

internal sealed class RecordingConfirmationQueue : IConsentConfirmationQueue
{
    public List<ConfirmationRequest> Requests { get; } = [];

    public Task EnqueueAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.CompletedTask;
    }
}

internal sealed class InMemorySuppressionList : ISuppressionList
{
    public Dictionary<string, Suppression> Entries { get; } = [];

    public Task SuppressAsync(string normalizedEmail, SuppressionReason reason, DateTimeOffset at, string? evidence, CancellationToken cancellationToken)
    {
        Entries[SuppressionKey.For(normalizedEmail)] = new Suppression(SuppressionKey.For(normalizedEmail), reason, at, evidence);
        return Task.CompletedTask;
    }

    public Task<bool> IsSuppressedAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.ContainsKey(SuppressionKey.For(normalizedEmail)));

    public Task<SuppressionPage> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new SuppressionPage([.. Entries.Values], null));

    public Task<bool> LiftAsync(string hash, CancellationToken cancellationToken) => Task.FromResult(Entries.Remove(hash));
}

internal sealed class RecordingEmailSender : LeadFunctions.Core.Email.IEmailSender
{
    public List<LeadFunctions.Core.Email.OutgoingEmail> Sent { get; } = [];

    public Task<LeadFunctions.Core.Email.EmailSendResult> SendAsync(LeadFunctions.Core.Email.OutgoingEmail email, CancellationToken cancellationToken)
    {
        Sent.Add(email);
        return Task.FromResult(new LeadFunctions.Core.Email.EmailSendResult($"msg-{Sent.Count}"));
    }
}
