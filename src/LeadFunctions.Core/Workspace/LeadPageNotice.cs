using LeadFunctions.Core.Sales;
using LeadFunctions.Core.Text;

namespace LeadFunctions.Core.Workspace;

/// <summary>
/// What the lead page says besides the lead: the confirmation of a change (after its 303, named by the address), or
/// a form that was not taken, with its errors by field name and what was typed, so it is shown again as it was.
/// </summary>
public sealed record LeadPageNotice
{
    public const string Enrolled = "enrolled";
    public const string NotEnrolled = "not-enrolled";

    public static readonly LeadPageNotice None = new();

    /// <summary>What was done, by the name the 303 carries (<see cref="SalesActions"/>' names,
    /// <see cref="Enrolled"/>, <see cref="NotEnrolled"/>).</summary>
    public string? Done { get; init; }

    /// <summary>What refused a form as a whole (the lead's stage does not allow the decision).</summary>
    public TextId? Problem { get; init; }

    public IReadOnlyDictionary<string, TextId> Errors { get; init; } = new Dictionary<string, TextId>();

    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>();

    /// <summary>A decision that was not made: its field's error (the one field a decision takes is the reason) or
    /// the stage's refusal.</summary>
    public static LeadPageNotice Refusing(Decision decision, string? reason) =>
        decision.Field is { } field
            ? new()
            {
                Errors = new Dictionary<string, TextId> { [field] = TextId.LeadsReasonRule },
                Typed = new Dictionary<string, string> { [field] = reason ?? string.Empty },
            }
            : new() { Problem = TextId.LeadsNotPossible };

    /// <summary>A form's one field that was not valid, with what was typed in it.</summary>
    public static LeadPageNotice Invalid(string field, TextId error, string? typed) =>
        new()
        {
            Errors = new Dictionary<string, TextId> { [field] = error },
            Typed = new Dictionary<string, string> { [field] = typed ?? string.Empty },
        };
}
