using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Intake;
using LeadFunctions.Core.Leads;
using LeadFunctions.Core.Randomness;
using LeadFunctions.Core.Security;

namespace LeadFunctions.Core.Intake;

/// <summary>
/// A validated submission about one person, as it travels on the lead-intake queue. Every channel
/// (form, webinar, import) produces this one shape.
/// </summary>
public sealed record LeadSubmission
{
    public required string SubmissionId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Normalized (see <see cref="Leads.EmailAddress"/>).</summary>
    public required string Email { get; init; }

    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Company { get; init; }
    public string? JobTitle { get; init; }
    public string? Country { get; init; }
    public string? Industry { get; init; }
    public int? CompanySize { get; init; }
    public required string Source { get; init; }
    public bool ConsentEmail { get; init; }
    public string? ConsentText { get; init; }

    /// <summary>How it reached us, as the consent ledger names it: a form, a webinar platform, an import.</summary>
    public ConsentSource ConsentSource { get; init; } = ConsentSource.Form;

    /// <summary>The request's address and browser when the person ticked the box themselves (a web form).</summary>
    public string? ConsentIp { get; init; }

    public string? ConsentUserAgent { get; init; }

    public RecipientType? RecipientType { get; init; }

    public string? Language { get; init; }

    /// <summary>The normalized email of the person who referred them (a lead, contact or customer, or someone not known
    /// yet).</summary>
    public string? ReferredBy { get; init; }

    /// <summary>Where it came from in detail: UTM fields, form id, page URL, webinar.</summary>
    public IReadOnlyDictionary<string, string> SourceDetail { get; init; } = new Dictionary<string, string>();

    /// <summary>What the person did in the same act (a webinar registration's webinar_registered), recorded in the
    /// submission's own write: one message on the queue, not two, and no event waiting for its lead.</summary>
    public EngagementEvent? Engagement { get; init; }
}

/// <summary>The ledger row a submission's ticked consent box makes: a grant, or a pending one where double opt-in
/// applies.</summary>
public static class SubmissionConsent
{
    public static ConsentRecord? RecordFor(
        LeadSubmission submission,
        string? countryCode,
        DoubleOptInPolicy doubleOptIn
    )
    {
        if (!submission.ConsentEmail)
        {
            return null;
        }

        return new ConsentRecord
        {
            Id = $"submission-{submission.SubmissionId}",
            Action = doubleOptIn.Requires(submission.Source, countryCode)
                ? ConsentAction.Pending
                : ConsentAction.Granted,
            At = submission.ReceivedAt,
            Source = submission.ConsentSource,
            RecipientType = submission.RecipientType ?? RecipientType.Individual,
            Ip = submission.ConsentIp,
            UserAgent = submission.ConsentUserAgent,
            Text = submission.ConsentText,
            Evidence = $"submission {submission.SubmissionId} ({submission.Source})",
        };
    }
}

/// <summary>
/// The "Idempotency-Key" header: a retried request with the same key becomes the same submission id,
/// which the intake function records once, so a double-clicked or retried form is one submission.
/// </summary>
public static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxLength = 255;

    /// <summary>The field error for a malformed key.</summary>
    public static IReadOnlyDictionary<string, string[]> Malformed { get; } =
        new Dictionary<string, string[]> { [HeaderName] = ["1 to 255 printable ASCII characters."] };

    /// <summary>The submission id for the header's <paramref name="key"/>: derived from it, or new when there is none.
    /// False when it is malformed.</summary>
    public static bool TryGetSubmissionId(string? key, string scope, IIdGenerator ids, out string submissionId)
    {
        if (key is null)
        {
            submissionId = ids.NewId();
            return true;
        }

        submissionId = string.Empty;
        if (key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~'))
        {
            return false;
        }

        submissionId = "idem-" + StableId.From(scope, key);
        return true;
    }
}

/// <summary>The durable hand-over between answering a request and processing it (the lead-intake queue).</summary>
public interface ISubmissionQueue
{
    Task EnqueueAsync(LeadSubmission submission, CancellationToken cancellationToken);
}
