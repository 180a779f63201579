using LeadFunctions.Core.Consent;
using LeadFunctions.Core.Leads;

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
